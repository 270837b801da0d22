import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startServer } from "../../src/index.ts";
import { ADMIN_PASSWORD } from "../utils/backends.ts";
import { loggedIn } from "../utils/client.ts";
import { planDocument } from "../utils/fixtures.ts";

/**
 * kill -9 of the server in the middle of a burst of saves, or of a plan import, then a restart on
 * the same embedded data directory: it opens again (the dead owner's lock is taken over), no
 * acknowledged save is lost, every stored figure is exactly what its latest audit row says, and
 * an import is there whole or not at all.
 */
const serverDir = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "ybplan-kill9-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: "0",
      YBPLAN_HOST: "127.0.0.1",
      YBPLAN_DATA_DIR: dataDir,
      YBPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /ybplan 已启动：(http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on("exit", (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}

describe("kill -9 of the server (PGlite)", () => {
  it("restarts on the same directory with data and audit consistent", { timeout: 300_000 }, async () => {
    const dataDir = join(work, "data");
    const { child, url } = await startChild(dataDir);
    const admin = await loggedIn(url, "admin", ADMIN_PASSWORD);
    const plan = (await admin.plans.list.query({ jurisdictionCode: "420200", pageSize: 1 })).items[0]!;
    const indicators = (await admin.indicators.list.query({ planId: plan.id })).slice(0, 6);
    const existing = await admin.observations.list.query({ planId: plan.id, fromYear: 2022, toYear: 2022 });
    let acknowledged = 0;
    // Per indicator: the last value the server acknowledged, and the one in flight at the kill.
    const lastAcked = new Map<string, number>();
    const inFlight = new Map<string, number>();
    let stop = false;
    const writers = indicators.map(async (indicator, k) => {
      let version: number | null = existing.find((o) => o.indicatorId === indicator.id)?.version ?? null;
      for (let n = 1; !stop; n++) {
        const value = 10 + k * 10 + (n % 1000) / 1000;
        inFlight.set(indicator.id, value);
        try {
          const res = await admin.observations.upsertYear.mutate({
            planId: plan.id,
            year: 2022,
            rows: [
              {
                indicatorId: indicator.id,
                value: { kind: "number", value },
                version,
              },
            ],
          });
          version = res.observations[0]!.version;
          acknowledged++;
          lastAcked.set(indicator.id, value);
        } catch {
          return; // the server is gone
        }
      }
    });
    // Killed while saves are flowing (a count, not a fixed time: the machine may be busy).
    await vi.waitFor(() => expect(acknowledged).toBeGreaterThan(20), { timeout: 60_000, interval: 20 });
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    stop = true;
    await Promise.all(writers);
    expect(acknowledged).toBeGreaterThan(5);

    const server = await startServer({ port: 0, adminDist: null, adminPassword: ADMIN_PASSWORD, dataDir });
    try {
      const rows = await server.database.rawTransaction((tx) =>
        tx.query<{ id: string; indicator_id: string; value: number; audited: number | null }>(
          `SELECT o.id, o.indicator_id, o.value_number AS value,
                  (SELECT (a.after->>'valueNumber')::float FROM audit_log a
                    WHERE a.entity = 'observation' AND a.entity_id = o.id::text ORDER BY a.id DESC LIMIT 1) AS audited
             FROM observations o JOIN indicators i ON i.id = o.indicator_id
            WHERE i.plan_id = '${plan.id}' AND o.year = 2022`,
        ),
      );
      expect(rows.length).toBe(indicators.length);
      for (const r of rows) {
        expect(r.audited).toBe(r.value);
        // No acknowledged save is lost: the last acknowledged value, or the one in flight.
        expect([lastAcked.get(r.indicator_id), inFlight.get(r.indicator_id)]).toContain(r.value);
      }
      // The restarted server serves the figures.
      const again = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
      const observed = await again.observations.list.query({ planId: plan.id, fromYear: 2022, toYear: 2022 });
      expect(observed.length).toBeGreaterThanOrEqual(indicators.length);
    } finally {
      await server.close();
    }
  });

  it("kill -9 during a plan import: after restart the plan is there whole or not at all", {
    timeout: 300_000,
  }, async () => {
    const dataDir = join(work, "import");
    const base = planDocument("420200", "黄石市", "黄石市医疗保障断电测试规划");
    // A larger document: 300 indicators, so the import's transaction takes a while.
    const doc = {
      ...base,
      indicators: Array.from({ length: 300 }, (_, i) => ({
        ...base.indicators[0]!,
        key: `k${i}`,
        position: i + 1,
        name: `测试指标${i}`,
      })),
    };
    for (const delayMs of [30, 150]) {
      const { child, url } = await startChild(dataDir);
      const admin = await loggedIn(url, "admin", ADMIN_PASSWORD);
      const pending = admin.import.commit.mutate({ document: doc }).catch(() => null);
      await new Promise((r) => setTimeout(r, delayMs));
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
      await pending;
      const server = await startServer({ port: 0, adminDist: null, adminPassword: ADMIN_PASSWORD, dataDir });
      try {
        const [row] = await server.database.rawTransaction((tx) =>
          tx.query<{ plans: number; indicators: number; audited: number }>(
            `SELECT count(DISTINCT p.id)::int AS plans, count(i.id)::int AS indicators,
                    (SELECT count(*)::int FROM audit_log a WHERE a.entity = 'plan' AND a.entity_id IN
                      (SELECT id::text FROM plans WHERE title = '黄石市医疗保障断电测试规划')) AS audited
               FROM plans p LEFT JOIN indicators i ON i.plan_id = p.id
              WHERE p.title = '黄石市医疗保障断电测试规划'`,
          ),
        );
        if (row!.plans === 0) expect(row!.indicators).toBe(0);
        else {
          expect(row!.indicators).toBe(300);
          expect(row!.audited).toBeGreaterThan(0);
        }
      } finally {
        await server.close();
      }
    }
  });
});
