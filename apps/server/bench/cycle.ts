/**
 * Reporting-cycle bench (`pnpm bench`, issue 13): the subtree completeness view
 * (`cycle.completeness`) of the synthetic province — 1 province, 14 cities, 120 counties — under
 * 20 concurrent keep-alive clients over real HTTP on embedded PGlite, beside `/healthz` of the same
 * server. The cycle is half way through: a window with a deadline, plans submitted, returned,
 * approved and untouched. Also the first request after a cycle move (the view is recomputed).
 * Goal: p95 < 50 ms.
 */
import { reportingCycles, reportingWindows } from "@ybplan/db";
import { startServer } from "../src/index.ts";
import { dataset, loadDataset, province } from "./dataset.ts";
import { load } from "./load.ts";

const CONCURRENCY = Number(process.env.YBPLAN_BENCH_CONCURRENCY ?? 20);
const DURATION_MS = Number(process.env.YBPLAN_BENCH_DURATION_MS ?? 5_000);
const YEAR = 2023;
const PASSWORD = "Bench-pass-1";
const GOAL_MS = 50;
const headers = { "accept-encoding": "br, gzip" };
const ms = (x: number) => `${x.toFixed(1)} ms`;

const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  adminDist: null,
  importer: null,
  adminPassword: PASSWORD,
  jobs: [],
});
try {
  const db = server.database.db;
  const { planIds } = await loadDataset(db);
  // A fixture, not a user's change: bulk rows, no audit.
  await db.insert(reportingWindows).values({ year: YEAR, rootCode: province.code, deadline: "2024-02-28" });
  const states = ["submitted", "approved", "returned", "filling", "notStarted"] as const;
  const ids = dataset.plans.map((p) => planIds.get(p.id)!);
  await db.insert(reportingCycles).values(
    ids.map((planId, i) => ({
      planId,
      year: YEAR,
      state: states[i % states.length]!,
      returnReason: states[i % states.length] === "returned" ? "请核实基金收入" : null,
    })),
  );

  const login = await fetch(`${server.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ username: "admin", password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login → ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
  const url = `${server.url}/trpc/cycle.completeness?input=${encodeURIComponent(
    JSON.stringify({ rootCode: province.code, year: YEAR }),
  )}`;

  const first = await fetch(url, { headers: { cookie } });
  const body = (await first.json()) as {
    result: { data: { rows: unknown[]; totals: Record<string, number> } };
  };
  if (!first.ok) throw new Error(`completeness → ${first.status}`);
  const view = body.result.data;
  if (view.rows.length !== ids.length)
    throw new Error(`expected ${ids.length} plans, got ${view.rows.length}`);

  const healthz = await load({
    urls: [`${server.url}/healthz`],
    headers,
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
  });
  const completeness = await load({
    urls: [url],
    headers: { ...headers, cookie },
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
  });

  // First request after a cycle move: one county plan is submitted → the view is recomputed.
  const after: number[] = [];
  const counties = dataset.plans.filter(
    (p) => dataset.jurisdictions.find((j) => j.code === p.jurisdictionCode)?.level === "county",
  );
  const api = `${server.url}/trpc`;
  for (let i = 0; i < 10; i++) {
    const planId = planIds.get(counties[i]!.id)!;
    const res = await fetch(`${api}/cycle.unlock`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: server.url },
      body: JSON.stringify({ planId, year: YEAR, reason: "基准测试" }),
    });
    await res.arrayBuffer();
    const t = performance.now();
    const r = await fetch(url, { headers: { cookie, ...headers } });
    await r.arrayBuffer();
    after.push(performance.now() - t);
  }
  after.sort((a, b) => a - b);
  const afterP95 = after[Math.min(after.length - 1, Math.ceil(after.length * 0.95) - 1)]!;

  console.log(
    `cycle.completeness: ${dataset.jurisdictions.length} jurisdictions, ${ids.length} plans, ${CONCURRENCY} clients, ${DURATION_MS / 1000} s, PGlite`,
  );
  console.log(`  totals ${JSON.stringify(view.totals)}`);
  console.log(
    `  /healthz                 p50 ${ms(healthz.p50)}  p95 ${ms(healthz.p95)}  ${healthz.rps.toFixed(0)} req/s`,
  );
  console.log(
    `  completeness view        p50 ${ms(completeness.p50)}  p95 ${ms(completeness.p95)}  ${completeness.rps.toFixed(0)} req/s  (${(completeness.bytes / 1024).toFixed(1)} KiB)`,
  );
  console.log(`  first after a cycle move p95 ${ms(afterP95)} (one client)`);
  const ok = completeness.p95 < GOAL_MS;
  console.log(`  goal p95 < ${GOAL_MS} ms: ${ok ? "met" : "NOT met"}`);
  if (!ok) process.exitCode = 1;
} finally {
  await server.close();
}
