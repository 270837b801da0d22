import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type Database, openDatabase } from "@ybplan/db";
import { createTestDatabase, postgresTestUrl, type TestDatabase } from "@ybplan/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cookieOf, loggedIn } from "./utils/client.ts";
import { planDocument } from "./utils/fixtures.ts";

/**
 * A rolling restart as an operator does it behind a proxy: 10 clients keep saving through two
 * server processes while one is sent SIGTERM and started again. Every acknowledged save is in
 * the database and the audit; a stopping process answers what it accepted and no client sees a
 * 5xx from it (new connections go to the other process, as a proxy retries them).
 */
const pgUrl = postgresTestUrl();
const serverDir = fileURLToPath(new URL("..", import.meta.url));
const PASSWORD = "Rolling-pass-1";
const YEAR = 2023;

interface Proc {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
}

function startProcess(databaseUrl: string): Promise<Proc> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      YBPLAN_HOST: "127.0.0.1",
      YBPLAN_ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  let out = "";
  child.stderr!.on("data", (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 100 s:\n${out}`)), 100_000);
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /ybplan 已启动：(http:\/\/[^/\s]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, exited });
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

describe.skipIf(!pgUrl)("rolling restart of one of two server processes", () => {
  let testDb: TestDatabase;
  let observer: Database;
  let procs: Proc[] = [];
  let cookie = "";
  const rows: { planId: string; indicatorId: string }[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase(pgUrl!);
    procs = await Promise.all([startProcess(testDb.url), startProcess(testDb.url)]);
    observer = await openDatabase({ databaseUrl: testDb.url, listen: false, maxConnections: 2 });
    const admin = await loggedIn(procs[0]!.url, "admin", PASSWORD);
    cookie = cookieOf(admin)!;
    for (const [code, name] of [
      ["420200", "黄石市"],
      ["411300", "南阳市"],
      ["420000", "湖北省"],
      ["410000", "河南省"],
    ] as const) {
      const { planId } = await admin.import.commit.mutate({
        document: planDocument(code, name, `${name}滚动重启测试规划`),
      });
      for (const i of await admin.indicators.list.query({ planId })) rows.push({ planId, indicatorId: i.id });
    }
  }, 150_000);
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill("SIGTERM");
    await Promise.all(procs.map((p) => p.exited));
    await observer?.close();
    await testDb?.drop();
  });

  it("keeps every acknowledged save and shows no 5xx while one process restarts", async () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    let urls = procs.map((p) => p.url);
    const acknowledged = new Map<string, number[]>();
    const serverErrors: string[] = [];
    let acks = 0;
    let stop = false;

    const client = async (c: number) => {
      const row = rows[c]!;
      let version: number | null = null;
      let value = 0;
      let turn = c;
      while (!stop) {
        value++;
        const body = JSON.stringify({
          planId: row.planId,
          year: YEAR,
          rows: [{ indicatorId: row.indicatorId, value: { kind: "number", value }, version }],
        });
        // Like a proxy: a refused connection is retried on the other process.
        for (let attempt = 0; attempt < 4; attempt++) {
          const url = urls[turn++ % urls.length]!;
          let res: Response;
          try {
            res = await fetch(`${url}/trpc/observations.upsertYear`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie },
              body,
            });
          } catch {
            continue;
          }
          const json = (await res.json()) as {
            result?: { data: { observations: { indicatorId: string; version: number }[] } };
          };
          if (res.status >= 500) serverErrors.push(`${url} ${res.status}`);
          if (res.ok && json.result) {
            version = json.result.data.observations.find((o) => o.indicatorId === row.indicatorId)!.version;
            acknowledged.set(row.indicatorId, [...(acknowledged.get(row.indicatorId) ?? []), value]);
            acks++;
          } else if (res.status === 409) {
            // A save whose answer was lost may have landed: read the current version, go on.
            const list = (await (
              await fetch(
                `${url}/trpc/observations.list?input=${encodeURIComponent(JSON.stringify({ planId: row.planId }))}`,
                {
                  headers: { cookie },
                },
              )
            ).json()) as { result: { data: { indicatorId: string; year: number; version: number }[] } };
            version =
              list.result.data.find((o) => o.indicatorId === row.indicatorId && o.year === YEAR)?.version ??
              null;
          }
          break;
        }
      }
    };
    const clients = Array.from({ length: 10 }, (_, c) => client(c));

    // Saves are flowing (a count, not a fixed time: on a busy machine the first ones take a while).
    await vi.waitFor(() => expect(acks).toBeGreaterThanOrEqual(20), { timeout: 60_000, interval: 20 });
    const acksBeforeStop = acks;
    // Stop the first process gracefully, then start it again (new port: the proxy is told).
    const old = procs[0]!;
    old.child.kill("SIGTERM");
    expect(await old.exited).toBe(0);
    urls = [procs[1]!.url];
    const restarted = await startProcess(testDb.url);
    procs = [restarted, procs[1]!];
    urls = procs.map((p) => p.url);
    const acksAtRestart = acks;
    await vi.waitFor(() => expect(acks).toBeGreaterThanOrEqual(acksAtRestart + 20), {
      timeout: 60_000,
      interval: 20,
    });
    stop = true;
    await Promise.all(clients);

    expect(acksBeforeStop).toBeGreaterThan(0);
    expect(acks).toBeGreaterThan(acksBeforeStop);
    expect(serverErrors).toEqual([]);
    // Every acknowledged save is in the audit (with its value) and the last one per row — or a
    // later save of the same client whose answer was lost — is the stored value.
    const stored = await observer.rawTransaction((tx) =>
      tx.query<{ id: string; indicator_id: string; value_number: number }>(
        `SELECT id, indicator_id, value_number FROM observations WHERE year = ${YEAR} AND subject IS NULL`,
      ),
    );
    const audited = await observer.rawTransaction((tx) =>
      tx.query<{ entity_id: string; value: string }>(
        "SELECT entity_id, after->>'valueNumber' AS value FROM audit_log WHERE entity = 'observation'",
      ),
    );
    for (const [indicatorId, values] of acknowledged) {
      const row = stored.find((r) => r.indicator_id === indicatorId)!;
      expect(Number(row.value_number)).toBeGreaterThanOrEqual(values.at(-1)!);
      const inAudit = new Set(audited.filter((a) => a.entity_id === row.id).map((a) => Number(a.value)));
      for (const v of values) expect(inAudit.has(v), `save ${v} of ${indicatorId} audited`).toBe(true);
    }
  }, 120_000);
});
