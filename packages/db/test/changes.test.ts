import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ALL_SCOPES,
  ChangeTracker,
  type Database,
  jurisdictionScope,
  LISTENER_NAME,
  migrate,
  migrationFiles,
  namedCache,
  openDatabase,
  ScopedCache,
  scopesOfEntry,
  systemActor,
  writeAudit,
} from "../src/index.ts";
import { createTestDatabase, postgresTestUrl, type TestDatabase } from "../src/testing.ts";

const auditIn = (database: Database, code: string | null, entity = "observation") =>
  database.db.transaction((tx) =>
    writeAudit(tx, systemActor, { action: "update", entity, entityId: "x", jurisdictionCode: code }),
  );

/** Waits until `check` holds (notifications arrive asynchronously). */
async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("scopesOfEntry", () => {
  it("names a write's jurisdictions, both sides of a move, everything for shared data", () => {
    expect(scopesOfEntry({ entity: "observation", jurisdictionCode: "420200" })).toEqual(["j:420200"]);
    expect(
      scopesOfEntry({
        entity: "plan",
        jurisdictionCode: "420200",
        before: { jurisdictionCode: "420200" },
        after: { jurisdictionCode: "420300" },
      }),
    ).toEqual(["j:420200", "j:420300"]);
    expect(scopesOfEntry({ entity: "procurementBatch", jurisdictionCode: "420200" })).toEqual([ALL_SCOPES]);
    expect(scopesOfEntry({ entity: "indicator" })).toEqual([ALL_SCOPES]);
    expect(scopesOfEntry({ entity: "user", jurisdictionCode: "420200" })).toEqual(["e:user"]);
  });
});

describe("ScopedCache refresh ahead", () => {
  const turn = () => new Promise((r) => setImmediate(r));
  /** One entry read from 黄石市's data; `state.value` is what its next computation reads. */
  const counted = () => {
    const tracker = new ChangeTracker();
    const cache = new ScopedCache<number>(tracker);
    const state = { computes: 0, value: 1 };
    const compute = async () => {
      state.computes++;
      return { value: state.value, scopes: [jurisdictionScope("420200")] };
    };
    return { tracker, cache, state, compute };
  };

  it("computes a recently read entry again right after a change of its scopes, and only then", async () => {
    const { tracker, cache, state, compute } = counted();
    expect(await cache.get("a", compute)).toBe(1);
    expect(state.computes).toBe(1);

    // A save in the entry's jurisdiction: computed again before anyone asks, and the next read
    // gets the new value without computing.
    state.value = 2;
    tracker.changed([jurisdictionScope("420200")]);
    await turn();
    expect(state.computes).toBe(2);
    expect(await cache.get("a", compute)).toBe(2);
    expect(state.computes).toBe(2);

    // Several changes in one burst: one computation.
    state.value = 3;
    tracker.changed([jurisdictionScope("420200")]);
    tracker.changed([jurisdictionScope("420200")]);
    await turn();
    expect(state.computes).toBe(3);

    // Another jurisdiction: nothing to do.
    tracker.changed([jurisdictionScope("410000")]);
    await turn();
    expect(state.computes).toBe(3);

    // Everything changed (jurisdictions, procurement, a reconnect): invalidated, computed on read.
    state.value = 4;
    tracker.changed([ALL_SCOPES]);
    await turn();
    expect(state.computes).toBe(3);
    expect(await cache.get("a", compute)).toBe(4);
    expect(state.computes).toBe(4);
  });

  it("computes ahead once for saves that nobody reads in between, and again after a read", async () => {
    const { tracker, cache, state, compute } = counted();
    await cache.get("a", compute);
    // Three saves, each in its own turn, and no reader: computed ahead after the first only.
    for (const v of [2, 3, 4]) {
      state.value = v;
      tracker.changed([jurisdictionScope("420200")]);
      await turn();
    }
    expect(state.computes).toBe(2);
    // The next reader never sees a stale value: computed on read.
    expect(await cache.get("a", compute)).toBe(4);
    expect(state.computes).toBe(3);
    // Read since: the next save computes it ahead again, and the reader after it waits for nothing.
    state.value = 5;
    tracker.changed([jurisdictionScope("420200")]);
    await turn();
    expect(state.computes).toBe(4);
    expect(await cache.get("a", compute)).toBe(5);
    expect(state.computes).toBe(4);
  });

  it("leaves an entry nobody read for five minutes to its next reader", async () => {
    const tracker = new ChangeTracker();
    const cache = new ScopedCache<number>(tracker);
    let computes = 0;
    const compute = async () => ({ value: ++computes, scopes: [jurisdictionScope("420200")] });
    const now = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(now);
    try {
      await cache.get("a", compute);
      clock.mockReturnValue(now + 5 * 60_000 + 1);
      tracker.changed([jurisdictionScope("420200")]);
      await turn();
      expect(computes).toBe(1);
      expect(await cache.get("a", compute)).toBe(2);
    } finally {
      clock.mockRestore();
    }
  });
});

describe("ChangeTracker.sync: every read waits for a round trip sent after it began", () => {
  it("shares round trips between concurrent readers, and never reuses one sent before a reader arrived", async () => {
    const tracker = new ChangeTracker();
    const trips: Array<() => void> = [];
    tracker.setSyncer(() => new Promise<void>((resolve) => trips.push(resolve)));
    const done: string[] = [];
    const first = tracker.sync().then(() => done.push("first"));
    expect(trips).toHaveLength(1);
    // Arrive while the first round trip is in flight: both wait for one next round trip.
    const second = tracker.sync().then(() => done.push("second"));
    const third = tracker.sync().then(() => done.push("third"));
    trips[0]!();
    await first;
    await Promise.resolve();
    expect(done).toEqual(["first"]);
    expect(trips).toHaveLength(2);
    trips[1]!();
    await Promise.all([second, third]);
    expect(done).toEqual(["first", "second", "third"]);
    expect(trips).toHaveLength(2);
  });

  it("a failed round trip drops what is cached instead of trusting it", async () => {
    const tracker = new ChangeTracker();
    const stamp = tracker.stamp();
    tracker.setSyncer(() => Promise.reject(new Error("connection lost")));
    await tracker.sync();
    expect(tracker.unchangedSince(stamp, ["j:420200"])).toBe(false);
  });
});

describe("change tracking on PGlite", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase();
    await migrate(database);
  });
  afterAll(() => database.close());

  it("marks a transaction's scopes once it commits, nothing when it rolls back", async () => {
    const t = database.changes;
    const before = t.stamp();
    let insideStamp = -1;
    await database.db.transaction(async (tx) => {
      await writeAudit(tx, systemActor, {
        action: "a",
        entity: "observation",
        entityId: "1",
        jurisdictionCode: "420200",
      });
      insideStamp = t.stamp();
    });
    // Not while the transaction was open (a reader then still sees the old data) …
    expect(insideStamp).toBe(before);
    // … but right after commit.
    expect(t.unchangedSince(before, [jurisdictionScope("420200")])).toBe(false);
    expect(t.unchangedSince(before, [jurisdictionScope("420300")])).toBe(true);

    const afterCommit = t.stamp();
    await expect(
      database.db.transaction(async (tx) => {
        await writeAudit(tx, systemActor, {
          action: "a",
          entity: "observation",
          entityId: "2",
          jurisdictionCode: "420300",
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(t.stamp()).toBe(afterCommit);
  });

  it("recomputes only the cache entries whose scopes a write touched", async () => {
    const cache = namedCache<string>(database.changes, "test");
    let n = 0;
    const read = (key: string, code: string) =>
      cache.get(key, async () => ({ value: `${key}#${++n}`, scopes: [jurisdictionScope(code)] }));
    const a1 = await read("A", "420200");
    const b1 = await read("B", "420300");
    expect(await read("A", "420200")).toBe(a1);
    await auditIn(database, "420200");
    const a2 = await read("A", "420200");
    expect(a2).not.toBe(a1);
    expect(await read("B", "420300")).toBe(b1);
    expect(cache.stats.computesByKey.get("A")).toBe(2);
    expect(cache.stats.computesByKey.get("B")).toBe(1);
    // A write with no jurisdiction may touch anything.
    await auditIn(database, null);
    expect(await read("B", "420300")).not.toBe(b1);
  });

  it("never keeps a value whose computation overlapped a change of its scope", async () => {
    const cache = namedCache<number>(database.changes, "overlap");
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let n = 0;
    const slow = cache.get("k", async () => {
      const v = ++n;
      await gate; // the write commits while this computation runs on old data
      return { value: v, scopes: [jurisdictionScope("420200")] };
    });
    await auditIn(database, "420200");
    release();
    expect(await slow).toBe(1);
    expect(await cache.get("k", async () => ({ value: ++n, scopes: [jurisdictionScope("420200")] }))).toBe(2);
  });

  it("serialises work under an advisory lock and refuses a newer schema", async () => {
    const order: string[] = [];
    await Promise.all(
      ["a", "b"].map((name) =>
        database.withAdvisoryLock(1, async () => {
          order.push(`${name}+`);
          await new Promise((r) => setTimeout(r, 20));
          order.push(`${name}-`);
        }),
      ),
    );
    expect(order).toEqual(["a+", "a-", "b+", "b-"]);
    await database.rawTransaction((tx) => tx.exec("INSERT INTO _migrations (id) VALUES ('9999_future')"));
    await expect(migrate(database)).rejects.toThrow(/数据库结构比本程序新.*9999_future/);
    // An explicit list (a test naming the migrations it needs) only adds what it names.
    expect(await migrate(database, migrationFiles().slice(0, 2))).toEqual([]);
    await database.rawTransaction((tx) => tx.exec("DELETE FROM _migrations WHERE id = '9999_future'"));
  });
});

const pgUrl = postgresTestUrl();

describe.skipIf(!pgUrl)("change tracking across processes on PostgreSQL", () => {
  let testDb: TestDatabase;
  let one: Database;
  let two: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase(pgUrl!);
    one = await openDatabase({ databaseUrl: testDb.url });
    two = await openDatabase({ databaseUrl: testDb.url });
    await migrate(one);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await testDb?.drop();
  });

  it("tells the other connection pool of a committed change, and only of its scopes", async () => {
    const stampTwo = two.changes.stamp();
    const stampOne = one.changes.stamp();
    await auditIn(one, "420200");
    await until(() => two.changes.stamp() > stampTwo);
    expect(two.changes.unchangedSince(stampTwo, [jurisdictionScope("420200")])).toBe(false);
    expect(two.changes.unchangedSince(stampTwo, [jurisdictionScope("420300")])).toBe(true);
    // The writer marked it at commit; its own notification does not mark it again.
    await new Promise((r) => setTimeout(r, 100));
    expect(one.changes.stamp()).toBe(stampOne + 1);
  });

  it("sends nothing for a transaction that rolls back", async () => {
    const stampTwo = two.changes.stamp();
    await expect(
      one.db.transaction(async (tx) => {
        await writeAudit(tx, systemActor, {
          action: "a",
          entity: "observation",
          entityId: "3",
          jurisdictionCode: "420300",
        });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    await auditIn(one, "420500");
    await until(() => two.changes.stamp() > stampTwo);
    expect(two.changes.unchangedSince(stampTwo, [jurisdictionScope("420300")])).toBe(true);
    expect(two.changes.unchangedSince(stampTwo, [jurisdictionScope("420500")])).toBe(false);
  });

  it("serves nothing cached while its notification connection is down, and drops every cache when it is back", async () => {
    const cache = namedCache<number>(two.changes, "reconnect");
    let n = 0;
    const read = (key: string, code: string) =>
      cache.get(key, async () => ({ value: ++n, scopes: [jurisdictionScope(code)] }));
    const untouched = await read("untouched", "429004");
    expect(await read("untouched", "429004")).toBe(untouched);
    const written = await read("written", "429005");

    await one.rawTransaction((tx) =>
      tx.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${LISTENER_NAME}' AND datname = current_database()`,
      ),
    );
    await until(() => !two.changes.coherent);
    // A change two cannot hear of: while down, every read computes afresh.
    await auditIn(one, "429005");
    expect(await read("written", "429005")).not.toBe(written);
    await until(() => two.changes.coherent, 10_000);
    // Back: everything cached before was dropped, even what no change touched.
    expect(await read("untouched", "429004")).not.toBe(untouched);
    // And notifications flow again.
    const stamp = two.changes.stamp();
    await auditIn(one, "429006");
    await until(() => !two.changes.unchangedSince(stamp, [jurisdictionScope("429006")]));
  });

  it("gives an advisory lock to one process at a time, and frees it with its holder", async () => {
    const lock = await one.tryAdvisoryLock(42);
    expect(lock).not.toBeNull();
    expect(await two.tryAdvisoryLock(42)).toBeNull();
    await lock!.release();
    const taken = await two.tryAdvisoryLock(42);
    expect(taken).not.toBeNull();
    await taken!.release();
  });
});
