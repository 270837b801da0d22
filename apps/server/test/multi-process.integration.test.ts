import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { MAX_FAILURES } from "@ybplan/api";
import { type Database, openDatabase } from "@ybplan/db";
import { createTestDatabase, postgresTestUrl, type TestDatabase } from "@ybplan/db/testing";
import { samplePlans } from "@ybplan/samples";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, cookieOf, failure, loggedIn, makeClient, setCookieOf } from "./utils/client.ts";

/**
 * Two `pnpm start` server processes (the real entry point, src/main.ts) started together on one
 * fresh PostgreSQL database, as systemd does at boot: both come up, the database is set up once,
 * and sessions, login throttling, evaluation caches and jobs behave as one server.
 */
const pgUrl = postgresTestUrl();
const serverDir = fileURLToPath(new URL("..", import.meta.url));
const PASSWORD = "Two-process-1";

interface Proc {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

function startProcess(databaseUrl: string): Promise<Proc> {
  // One Node process per server (tsx as a loader, not a wrapper process), so its pid is the server's.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      YBPLAN_HOST: "127.0.0.1",
      YBPLAN_ADMIN_PASSWORD: PASSWORD,
      YBPLAN_JOBS_TICK_MS: "200",
      YBPLAN_SESSION_CLEANUP_MS: "400",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 100 s:\n${out}`)), 100_000);
    const check = () => {
      const m = /ybplan 已启动：(http:\/\/[^/\s]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
  });
}

async function stopProcess(p: Proc | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once("exit", r));
  p.child.kill("SIGTERM");
  await exited;
}

async function until<T>(probe: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!pgUrl)("two server processes on one PostgreSQL", () => {
  let testDb: TestDatabase;
  let observer: Database;
  /** A query on the shared database (literal SQL: the tests' own constants only). */
  const q = <Row extends Record<string, unknown>>(text: string) =>
    observer.rawTransaction((tx) => tx.query<Row>(text));
  let one: Proc;
  let two: Proc;

  beforeAll(async () => {
    testDb = await createTestDatabase(pgUrl!);
    // Started together on the fresh database.
    [one, two] = await Promise.all([startProcess(testDb.url), startProcess(testDb.url)]);
    observer = await openDatabase({ databaseUrl: testDb.url, listen: false, maxConnections: 2 });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([stopProcess(one), stopProcess(two)]);
    await observer?.close();
    await testDb?.drop();
  });

  it("both come up, and the database is migrated and seeded once", async () => {
    for (const p of [one, two]) expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
    for (const p of [one, two]) expect(p.output()).not.toMatch(/启动失败|seed\.plan\.failed/);
    const [plans] = await q<{ n: number }>("SELECT count(*)::int AS n FROM plans");
    expect(plans!.n).toBe(samplePlans.length);
    const [users] = await q<{ n: number }>("SELECT count(*)::int AS n FROM users");
    expect(users!.n).toBe(1);
    const [dupBatches] = await q<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT name FROM procurement_batches GROUP BY name HAVING count(*) > 1) d",
    );
    expect(dupBatches!.n).toBe(0);
    const seededBy = [one, two].filter((p) => p.output().includes('"msg":"db.seeded"'));
    expect(seededBy).toHaveLength(1);
  });

  it("a session made on one process works on the other", async () => {
    const onOne = await loggedIn(one.url, "admin", PASSWORD);
    const onTwo = makeClient(two.url);
    setCookieOf(onTwo, cookieOf(onOne));
    expect((await onTwo.auth.me.query())?.username).toBe("admin");
  });

  it("a save on one is seen by the other's next evaluation after both cached it", async () => {
    const a = await loggedIn(one.url, "admin", PASSWORD);
    const b = makeClient(two.url);
    setCookieOf(b, cookieOf(a));
    const { items } = await a.plans.list.query({ pageSize: 50 });
    const plan = items[0]!;
    const [indicator] = await a.indicators.list.query({ planId: plan.id });
    const year = 2023;
    const actual = async (c: Client) =>
      (await c.evaluation.matrix.query({ planId: plan.id, year })).evaluations.find(
        (e) => e.indicatorId === indicator!.id,
      )!.inputs.actual;
    const current = (await a.observations.list.query({ planId: plan.id })).find(
      (o) => o.indicatorId === indicator!.id && o.year === year && o.subject === null,
    );
    for (let round = 1; round <= 10; round++) {
      // Both processes have the result cached …
      const before = await actual(b);
      expect(await actual(b)).toBe(before);
      expect(await actual(a)).toBe(before);
      const value = 90 + round / 10;
      const latest = (await a.observations.list.query({ planId: plan.id })).find(
        (o) => o.indicatorId === indicator!.id && o.year === year && o.subject === null,
      );
      // … a save through one …
      await (round % 2 ? a : b).observations.upsertYear.mutate({
        planId: plan.id,
        year,
        rows: [
          {
            indicatorId: indicator!.id,
            value: { kind: "number", value },
            version: latest?.version ?? current?.version ?? null,
          },
        ],
      });
      // … is in the very next evaluation of both.
      expect(await actual(round % 2 ? b : a)).toBe(value);
      expect(await actual(round % 2 ? a : b)).toBe(value);
    }
  });

  it("failed logins on one process throttle the other", async () => {
    const [u] = await q<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE username = 'admin'");
    expect(u!.n).toBe(1);
    const attacker = makeClient(one.url);
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(
        (await failure(attacker.auth.login.mutate({ username: "admin", password: `wrong-${i}` }))).code,
      ).toBe("UNAUTHORIZED");
    }
    // The right password, through the other process, from the same address: refused while locked.
    const refused = await failure(
      makeClient(two.url).auth.login.mutate({ username: "admin", password: PASSWORD }),
    );
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
  });

  it("runs a job once per period in one process, and another takes over when it dies", async () => {
    const runs = () =>
      q<{ run_key: string; runner: string; finished: boolean }>(
        "SELECT run_key, runner, finished_at IS NOT NULL AS finished FROM job_runs WHERE job = 'sessions.cleanup' ORDER BY started_at",
      );
    const pidOf = (p: Proc) => p.child.pid!;
    await until(async () => (await runs()).length >= 3);
    const first = await runs();
    const runners = new Set(first.map((r) => r.runner));
    expect(runners.size).toBe(1);
    const leaderPid = Number([...runners][0]!.split(":").at(-1));
    const leader = leaderPid === pidOf(one) ? one : two;
    const follower = leader === one ? two : one;
    expect([pidOf(one), pidOf(two)]).toContain(leaderPid);
    // Each started run was logged by the leader only.
    expect(follower.output()).not.toContain('"msg":"job.started"');
    const started = leader.output().match(/"msg":"job\.started"[^\n]*"job":"sessions\.cleanup"/g) ?? [];
    expect(started.length).toBeGreaterThanOrEqual(first.length);

    // An expired session is cleaned up by the job.
    await q(
      "INSERT INTO sessions (id, user_id, expires_at) SELECT 'expired-test', id, now() - interval '1 hour' FROM users WHERE username = 'admin'",
    );
    expect(await q("SELECT 1 FROM sessions WHERE id = 'expired-test'")).toHaveLength(1);
    await until(async () => (await q("SELECT 1 FROM sessions WHERE id = 'expired-test'")).length === 0);

    // The leader dies without a goodbye; the other process takes over.
    const died = new Promise((r) => leader.child.once("exit", r));
    leader.child.kill("SIGKILL");
    await died;
    await until(async () => (await runs()).some((r) => r.runner.endsWith(`:${pidOf(follower)}`)), 30_000);
    const all = await runs();
    expect(new Set(all.map((r) => r.run_key)).size).toBe(all.length);
    expect((await fetch(`${follower.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
