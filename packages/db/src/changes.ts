import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which cached data may be stale. Every audited write names the scopes it touched (`j:<code>` for
 * a jurisdiction's plans and data, `*` for everything, `e:<entity>` for data no evaluation reads).
 * The writing process marks them changed right after its transaction commits; other processes
 * (PostgreSQL) learn of them through LISTEN/NOTIFY (see client.ts). A cache entry remembers the
 * tracker's sequence number when its computation started and the scopes it read; it is valid while
 * none of those scopes changed after that number.
 */
export const ALL_SCOPES = "*";
export const jurisdictionScope = (code: string) => `j:${code}`;

export class ChangeTracker {
  /** Identifies this tracker's notifications, which it has already applied at commit. */
  readonly id = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  /** Grows with every change this process learns of. */
  private seq = 0;
  /** Sequence number of the last change per scope. */
  private readonly last = new Map<string, number>();
  /** Sequence number of the last change of everything (a `*` write or a full drop). */
  private allChangedAt = 0;
  /**
   * False while changes made elsewhere could be missed (the notification connection is down):
   * nothing cached is then trusted.
   */
  private coherentNow = true;

  get coherent(): boolean {
    return this.coherentNow;
  }

  /** The round trip that delivers pending notifications (PostgreSQL's listener connection). */
  private syncer: (() => Promise<void>) | null = null;
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  setSyncer(fn: (() => Promise<void>) | null): void {
    this.syncer = fn;
  }

  /**
   * Resolves once every change committed before this call is known here. A notification is
   * delivered asynchronously: a client that saved through another process and asks this one at
   * once could otherwise be served a cached answer from before its save. A round trip on the
   * listener connection flushes the notifications queued before it; concurrent callers share
   * round trips (one in flight, at most one queued), so the cost stays one query per burst.
   */
  sync(): Promise<void> {
    const fn = this.syncer;
    if (!fn) return Promise.resolve();
    if (!this.inFlight) return this.startSync(fn);
    // The round trip in flight may have been sent before this call: wait for the next one.
    this.queued ??= this.inFlight.then(() => {
      this.queued = null;
      return this.startSync(fn);
    });
    return this.queued;
  }

  private startSync(fn: () => Promise<void>): Promise<void> {
    const p: Promise<void> = fn()
      // The listener is in trouble: trust nothing cached (its close handler reconnects).
      .catch(() => this.dropAll())
      .finally(() => {
        if (this.inFlight === p) this.inFlight = null;
      });
    this.inFlight = p;
    return p;
  }

  /** The current sequence number: take it before reading the data a cache entry is made of. */
  stamp(): number {
    return this.seq;
  }

  private readonly listeners = new Set<(scopes: readonly string[]) => void>();

  /** Calls `fn` with the scopes of every change this process learns of (after it is applied). */
  onChange(fn: (scopes: readonly string[]) => void): void {
    this.listeners.add(fn);
  }

  /** Marks scopes changed (after the change committed). */
  changed(scopes: Iterable<string>): void {
    const at = ++this.seq;
    const list = [...scopes];
    for (const s of list) {
      if (s === ALL_SCOPES) this.allChangedAt = at;
      else this.last.set(s, at);
    }
    for (const fn of this.listeners) fn(list);
  }

  /** Everything may have changed (reconnect of the notification connection). */
  dropAll(): void {
    this.allChangedAt = ++this.seq;
    this.last.clear();
  }

  /** While false, `unchangedSince` answers false; true again after a full drop. */
  setCoherent(coherent: boolean): void {
    if (coherent && !this.coherentNow) this.dropAll();
    this.coherentNow = coherent;
    if (!coherent) this.dropAll();
  }

  /** True when none of `scopes` (nor everything) changed after `stamp`. */
  unchangedSince(stamp: number, scopes: readonly string[]): boolean {
    if (!this.coherentNow) return false;
    if (stamp === this.seq) return true;
    if (this.allChangedAt > stamp) return false;
    for (const s of scopes) if ((this.last.get(s) ?? 0) > stamp) return false;
    return true;
  }
}

/** The scopes one audit entry touches. */
export function scopesOfEntry(entry: {
  readonly entity: string;
  readonly jurisdictionCode?: string | null | undefined;
  readonly before?: unknown;
  readonly after?: unknown;
}): string[] {
  // Users, sessions and credit records feed no plan evaluation.
  if (/^(user|session|credit)/.test(entry.entity)) return [`e:${entry.entity}`];
  // Procurement (national and provincial batches count in every jurisdiction below) and the
  // jurisdiction tree itself change many plans' results at once.
  if (/^(procurement|jurisdiction)/.test(entry.entity)) return [ALL_SCOPES];
  const codes = new Set<string>();
  if (entry.jurisdictionCode) codes.add(entry.jurisdictionCode);
  // A row moved between jurisdictions changes both.
  for (const side of [entry.before, entry.after]) {
    const code = (side as { jurisdictionCode?: unknown } | null | undefined)?.jurisdictionCode;
    if (typeof code === "string") codes.add(code);
  }
  if (codes.size === 0) return [ALL_SCOPES];
  return [...codes].map(jurisdictionScope);
}

/** The transaction being run through `db.transaction`, collecting the scopes its audit touched. */
export interface TransactionScopes {
  readonly tracker: ChangeTracker;
  readonly notify: boolean;
  readonly scopes: Set<string>;
}
export const transactionScopes = new AsyncLocalStorage<TransactionScopes>();

/** Trackers of the databases this process has open (for writes made outside a tracked transaction). */
export const openTrackers = new Set<ChangeTracker>();

/** Channel of the change notifications. */
export const CHANGE_CHANNEL = "ybplan_changes";
/**
 * `origin|scope,scope…` (origin: the tracker that applied it at commit, or empty); too many scopes
 * become `*` (NOTIFY payloads stop at 8000 bytes).
 */
export function encodeChange(scopes: Iterable<string>, appliedBy: ChangeTracker | null): string {
  let list = [...scopes].join(",");
  if (list.length > 7000) list = ALL_SCOPES;
  return `${appliedBy?.id ?? ""}|${list}`;
}

/** Applies a notification to `tracker` unless it applied that change already at commit. */
export function applyChangeNotification(tracker: ChangeTracker, payload: string): void {
  const [origin, list] = payload.split("|");
  if (origin === tracker.id) return;
  tracker.changed(list ? list.split(",") : [ALL_SCOPES]);
}

export interface CacheStats {
  /** Answers from a valid entry. */
  hits: number;
  /** Computations started. */
  computes: number;
  /** Computations started per key. */
  readonly computesByKey: Map<string, number>;
}

type Compute<V> = () => Promise<{ value: V; scopes: readonly string[] }>;

interface Entry<V> {
  stamp: number;
  /** Scopes the value was read from; null until the computation finished. */
  scopes: readonly string[] | null;
  readonly value: Promise<V>;
  /** The value once computed (for `peek`). */
  settled?: { readonly value: V };
  /** How it was computed (entries made by `get`), to compute it again ahead of the next read. */
  compute?: Compute<V>;
  /** When it was last asked for (ms). */
  usedAt: number;
  /** Computed ahead after a change and not asked for since: not computed ahead again. */
  unread?: boolean;
}

/** Entries asked for within this long are recomputed right after a change of their scopes. */
const REFRESH_AHEAD_MS = 5 * 60_000;

/**
 * A bounded cache of values derived from the database, invalidated by scope. Concurrent callers of
 * the same key share one computation; a computation started before a change of its scopes is never
 * served after that change.
 *
 * Refresh ahead: an entry read in the last five minutes is computed again as soon as one of its
 * scopes changes in a specific jurisdiction (a save), so the next reader — typically the one who
 * saved, reloading the overview — finds it computed or in progress instead of starting it. An entry
 * computed ahead that nobody read before the next change is not computed ahead again: a burst of
 * saves with no reader in between (a clerk's batch, an import) costs one computation per entry, not
 * one per save. A change of everything (`*`: jurisdictions, procurement, a reconnect) only
 * invalidates.
 */
export class ScopedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  readonly stats: CacheStats = { hits: 0, computes: 0, computesByKey: new Map() };
  /** Keys to compute again at the next turn of the event loop (one run per burst of changes). */
  private readonly due = new Set<string>();
  constructor(
    private readonly tracker: ChangeTracker,
    private readonly limit = 500,
  ) {
    tracker.onChange((scopes) => this.refreshAhead(scopes));
  }

  /** `compute` returns the value and the scopes it read. */
  get(key: string, compute: Compute<V>): Promise<V> {
    const hit = this.entries.get(key);
    const now = this.tracker.stamp();
    if (hit && this.valid(hit, now)) {
      hit.usedAt = Date.now();
      hit.unread = false;
      this.stats.hits++;
      // Still valid now: later checks start from here (one comparison while nothing changes).
      if (hit.scopes) hit.stamp = now;
      cacheUse.getStore()?.push({ stamp: now, scopes: hit.scopes });
      return hit.value;
    }
    this.stats.computes++;
    this.stats.computesByKey.set(key, (this.stats.computesByKey.get(key) ?? 0) + 1);
    const entry: Entry<V> = {
      stamp: now,
      scopes: null,
      compute,
      usedAt: hit?.usedAt ?? Date.now(),
      value: compute().then((r) => {
        entry.scopes = r.scopes;
        entry.settled = { value: r.value };
        return r.value;
      }),
    };
    const use = cacheUse.getStore();
    const record = { stamp: now, scopes: null as readonly string[] | null };
    use?.push(record);
    entry.value.then(
      () => {
        record.scopes = entry.scopes;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    if (this.tracker.coherent) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    }
    return entry.value;
  }

  /** The value of `key` if computed and still valid (no computation is started). */
  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    const now = this.tracker.stamp();
    if (!hit?.settled || !this.valid(hit, now)) return undefined;
    this.stats.hits++;
    hit.stamp = now;
    hit.usedAt = Date.now();
    hit.unread = false;
    return hit.settled.value;
  }

  /**
   * Stores a value computed elsewhere (e.g. many at once), read from `scopes` by a computation
   * that started at `stamp`; dropped at once if one of them changed since.
   */
  put(key: string, value: V, scopes: readonly string[], stamp: number): void {
    this.stats.computes++;
    this.stats.computesByKey.set(key, (this.stats.computesByKey.get(key) ?? 0) + 1);
    if (!this.tracker.coherent || !this.tracker.unchangedSince(stamp, scopes)) return;
    this.entries.delete(key);
    this.entries.set(key, {
      stamp,
      scopes,
      value: Promise.resolve(value),
      settled: { value },
      usedAt: Date.now(),
    });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forgets everything (tests and benchmarks). */
  clear(): void {
    this.entries.clear();
  }

  /** After a change of `scopes`: the recently read entries that read one of them are due again. */
  private refreshAhead(scopes: readonly string[]): void {
    if (scopes.includes(ALL_SCOPES) || !this.tracker.coherent) return;
    const since = Date.now() - REFRESH_AHEAD_MS;
    const wasIdle = this.due.size === 0;
    for (const [key, e] of this.entries) {
      if (e.compute && e.scopes && !e.unread && e.usedAt >= since && e.scopes.some((s) => scopes.includes(s)))
        this.due.add(key);
    }
    if (!wasIdle || this.due.size === 0) return;
    // Outside the writer's request and transaction: this work belongs to no one's response.
    transactionScopes.exit(() =>
      cacheUse.exit(() =>
        setImmediate(() => {
          const keys = [...this.due];
          this.due.clear();
          for (const key of keys) {
            const e = this.entries.get(key);
            if (!e?.compute || this.valid(e, this.tracker.stamp())) continue;
            // A failure here is the next reader's to see (it computes again and gets the error).
            this.get(key, e.compute).catch(() => undefined);
            const ahead = this.entries.get(key);
            if (ahead && ahead !== e) ahead.unread = true;
          }
        }),
      ),
    );
  }

  private valid(entry: Entry<V>, now: number): boolean {
    // A computation in flight is shared only while nothing at all changed since it started.
    if (entry.scopes === null) return entry.stamp === now && this.tracker.coherent;
    return this.tracker.unchangedSince(entry.stamp, entry.scopes);
  }
}

/**
 * What the cached values served during one request were read from (the HTTP layer caches the
 * serialised response under the same scopes): `stamp` is when the value was known valid, scopes
 * null when it was still being computed (then filled in when it resolves).
 */
export interface CacheUse {
  stamp: number;
  scopes: readonly string[] | null;
}
export const cacheUse = new AsyncLocalStorage<CacheUse[]>();

const namedCaches = new WeakMap<ChangeTracker, Map<string, ScopedCache<unknown>>>();

/**
 * The tracker of each open database's root handle. A transaction's handle is not registered: it
 * may read its own uncommitted writes, which no cache entry may hold.
 */
const rootTrackers = new WeakMap<object, ChangeTracker>();

export function registerRootHandle(db: object, tracker: ChangeTracker): void {
  rootTrackers.set(db, tracker);
}

/** The change tracker when `db` is a database's root handle (undefined inside a transaction). */
export function trackerOfRoot(db: object): ChangeTracker | undefined {
  return rootTrackers.get(db);
}

/** The cache called `name` of the database whose tracker this is (created on first use). */
export function namedCache<V>(tracker: ChangeTracker, name: string, limit?: number): ScopedCache<V> {
  let byName = namedCaches.get(tracker);
  if (!byName) {
    byName = new Map();
    namedCaches.set(tracker, byName);
  }
  let cache = byName.get(name);
  if (!cache) {
    cache = new ScopedCache<unknown>(tracker, limit);
    byName.set(name, cache);
  }
  return cache as ScopedCache<V>;
}
