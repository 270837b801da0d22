/**
 * Server bench (`pnpm bench`): the evaluation endpoints under 20 concurrent keep-alive clients over
 * real HTTP, against `/healthz` of the same server in the same run, on embedded PGlite and — when
 * YBPLAN_BENCH_DATABASE_URL or YBPLAN_TEST_DATABASE_URL names a PostgreSQL server (a fresh
 * database is made on it) — on PostgreSQL, there with one and with two server processes.
 * Also: the load client's own ceiling, and the first request after a save (a write in one county
 * plan; the plan's matrix and the province subtree are recomputed, nothing else).
 * Goals (issue 15): subtree and matrix ≥ 30 % of /healthz, p95 < 50 ms; first request after a
 * save < 50 ms p95 on PGlite. And the admin app's compressed JS per route (from its build).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { indicators } from "@ybplan/db";
import { createTestDatabase, type TestDatabase } from "@ybplan/db/testing";
import { type RunningServer, startServer } from "../src/index.ts";
import { adminRouteSizes } from "./admin-size.ts";
import { dataset, loadDataset, province } from "./dataset.ts";
import { clientCeiling, type LoadResult, load, pct } from "./load.ts";

const CONCURRENCY = Number(process.env.YBPLAN_BENCH_CONCURRENCY ?? 20);
const DURATION_MS = Number(process.env.YBPLAN_BENCH_DURATION_MS ?? 5_000);
const SAVES = 30;
const YEAR = 2023;
const PASSWORD = "Bench-pass-1";
const headers = { "accept-encoding": "br, gzip" };

const ms = (x: number) => `${x.toFixed(1)} ms`;
const line = (label: string, r: LoadResult, base?: LoadResult) =>
  `  ${label.padEnd(30)} p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  ${r.rps.toFixed(0).padStart(6)} req/s${
    base ? `  ${((r.rps / base.rps) * 100).toFixed(0).padStart(3)} % of /healthz` : ""
  }  (${(r.bytes / 1024).toFixed(1)} KiB sent)`;
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");

interface Target {
  readonly server: RunningServer;
  readonly cookie: string;
  readonly matrixUrl: (base: string) => string;
  readonly subtreeUrl: (base: string) => string;
  /** A save through the API: one observation of a county plan changes. */
  save(i: number): Promise<void>;
}

async function prepare(databaseUrl: string | undefined): Promise<Target> {
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    adminDist: null,
    importer: null,
    adminPassword: PASSWORD,
    databaseUrl,
    jobs: [],
  });
  const db = server.database.db;
  const { planIds } = await loadDataset(db);
  // The fixture is bulk-loaded beside the API: bring the planner's statistics up to date now, as
  // the server's own upkeep would within a minute (PGlite has no autovacuum).
  await server.database.refreshStatistics();
  const login = await fetch(`${server.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ username: "admin", password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login → ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
  const county = dataset.plans.find(
    (p) => dataset.jurisdictions.find((j) => j.code === p.jurisdictionCode)?.level === "county",
  )!;
  const planId = planIds.get(county.id)!;
  const [ind] = (await db.select({ id: indicators.id, planId: indicators.planId }).from(indicators)).filter(
    (i) => i.planId === planId,
  );
  const q = (input: unknown) => encodeURIComponent(JSON.stringify(input));
  return {
    server,
    cookie,
    matrixUrl: (base) => `${base}/trpc/evaluation.matrix?input=${q({ planId, year: YEAR })}`,
    subtreeUrl: (base) =>
      `${base}/trpc/evaluation.subtree?input=${q({ jurisdictionCode: province.code, year: YEAR })}`,
    save: async (i) => {
      const api = `${server.url}/trpc`;
      const listed = (await (
        await fetch(`${api}/observations.list?input=${q({ planId })}`, { headers: { cookie } })
      ).json()) as {
        result: { data: { indicatorId: string; year: number; subject: string | null; version: number }[] };
      };
      const row = listed.result.data.find(
        (o) => o.indicatorId === ind!.id && o.year === YEAR && o.subject === null,
      );
      const res = await fetch(`${api}/observations.upsertYear`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: server.url },
        body: JSON.stringify({
          planId,
          year: YEAR,
          rows: [
            { indicatorId: ind!.id, value: { kind: "number", value: 50 + i }, version: row?.version ?? null },
          ],
        }),
      });
      if (!res.ok) throw new Error(`save → ${res.status} ${await res.text()}`);
    },
  };
}

async function timed(url: string, cookie: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie, ...headers } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
  return performance.now() - t;
}

async function firstAfterSave(t: Target) {
  const matrix: number[] = [];
  const subtree: number[] = [];
  const base = t.server.url;
  await timed(t.matrixUrl(base), t.cookie);
  await timed(t.subtreeUrl(base), t.cookie);
  // CPU of this process (server and client) for a save and the reads after it: on a busy machine
  // the wall times above mostly measure waiting for a core; this does not.
  const cpu: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const before = process.cpuUsage();
    await t.save(i);
    matrix.push(await timed(t.matrixUrl(base), t.cookie));
    subtree.push(await timed(t.subtreeUrl(base), t.cookie));
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  matrix.sort((a, b) => a - b);
  subtree.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { matrix, subtree, cpu };
}

/** A second server process on the same PostgreSQL database (the real entry point). */
async function secondProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      YBPLAN_HOST: "127.0.0.1",
      YBPLAN_ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /ybplan 已启动：(http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once("exit", (code) => reject(new Error(`second process exited with ${code}`)));
  });
}

async function bench(kind: "pglite" | "postgres", databaseUrl?: string) {
  const t = await prepare(databaseUrl);
  const base = t.server.url;
  const h = { ...headers, cookie: t.cookie };
  const run = (urls: string[]) =>
    load({ urls, headers: h, concurrency: CONCURRENCY, durationMs: DURATION_MS });
  const healthz = await run([`${base}/healthz`]);
  const subtree = await run([t.subtreeUrl(base)]);
  const matrix = await run([t.matrixUrl(base)]);
  const cold = await firstAfterSave(t);
  const hits = t.server.responses.stats;
  console.log(
    `\n${kind}: ${CONCURRENCY} clients, ${DURATION_MS / 1000} s each, clients send Accept-Encoding: br, gzip`,
  );
  console.log(line("/healthz (baseline)", healthz));
  console.log(line(`evaluation.subtree ${province.code}`, subtree, healthz));
  console.log(line("evaluation.matrix (county plan)", matrix, healthz));
  for (const [name, r] of [
    ["subtree", subtree],
    ["matrix", matrix],
  ] as const) {
    const share = r.rps / healthz.rps;
    console.log(
      `    goal ${name} ≥ 30 % of /healthz: ${verdict(share >= 0.3)} (${(share * 100).toFixed(0)} %); p95 < 50 ms: ${verdict(r.p95 < 50)}`,
    );
  }
  const p95m = pct(cold.matrix, 95);
  const p95s = pct(cold.subtree, 95);
  console.log(
    `  first request after a save (${SAVES} saves): matrix p50 ${ms(pct(cold.matrix, 50))} p95 ${ms(p95m)}; subtree p50 ${ms(pct(cold.subtree, 50))} p95 ${ms(p95s)}`,
  );
  console.log(`    goal < 50 ms p95: matrix ${verdict(p95m < 50)}, subtree ${verdict(p95s < 50)}`);
  console.log(
    `    CPU per save + both reads (this process, server and client): median ${ms(pct(cold.cpu, 50))}, p95 ${ms(pct(cold.cpu, 95))}; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`  response cache: ${hits.hits} hits, ${hits.misses} misses, ${hits.notModified} not modified`);

  if (databaseUrl) {
    // The cost of coherence: the same server with a counter query per request instead of LISTEN.
    const polling = await startServer({
      port: 0,
      host: "127.0.0.1",
      adminDist: null,
      importer: null,
      databaseUrl,
      coherence: "poll",
      jobs: [],
    });
    try {
      const subtreePoll = await run([t.subtreeUrl(polling.url)]);
      const healthzPoll = await run([`${polling.url}/healthz`]);
      console.log("  coherence by a counter query per request instead of LISTEN/NOTIFY:");
      console.log(line(`evaluation.subtree ${province.code}`, subtreePoll, healthzPoll));
      console.log(
        `    notifications vs counter query: ${subtree.rps.toFixed(0)} vs ${subtreePoll.rps.toFixed(0)} req/s (p95 ${ms(subtree.p95)} vs ${ms(subtreePoll.p95)})`,
      );
    } finally {
      await polling.close();
    }
    const second = await secondProcess(databaseUrl);
    try {
      const login = await fetch(`${second.url}/healthz`);
      if (!login.ok) throw new Error("second process not healthy");
      const bases = [base, second.url];
      const healthz2 = await run(bases.map((b) => `${b}/healthz`));
      const subtree2 = await run(bases.map((b) => t.subtreeUrl(b)));
      console.log(
        "  two server processes (connections split between them; one machine, 2 cores shared with the clients):",
      );
      console.log(line("/healthz (baseline)", healthz2));
      console.log(line(`evaluation.subtree ${province.code}`, subtree2, healthz2));
    } finally {
      const exited = new Promise((r) => second.child.once("exit", r));
      second.child.kill("SIGTERM");
      await exited;
    }
  }
  await t.server.close();
}

console.log(
  `@ybplan/server bench — dataset: ${dataset.jurisdictions.length} jurisdictions, ${dataset.plans.length} plans, ${dataset.indicators.length} indicators; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`,
);
const sizes = adminRouteSizes();
if (sizes) {
  console.log("admin: JS before a route shows (brotli, as sent; goal for the login page < 150 KiB):");
  for (const r of sizes) console.log(`  ${r.route.padEnd(28)} ${r.kib.toFixed(0).padStart(5)} KiB`);
  const login = sizes[0]!.kib;
  console.log(`    goal login page < 150 KiB: ${verdict(login < 150)} (${login.toFixed(0)} KiB)`);
} else {
  console.log("admin: not built (pnpm -F @ybplan/admin build), no route sizes");
}
const ceiling = await clientCeiling(CONCURRENCY, Math.min(DURATION_MS, 3_000));
console.log(
  `load client ceiling (constant 2-byte answers from another thread): ${ceiling.rps.toFixed(0)} req/s, p95 ${ms(ceiling.p95)}`,
);
await bench("pglite");
const pgServer = process.env.YBPLAN_BENCH_DATABASE_URL || process.env.YBPLAN_TEST_DATABASE_URL;
if (pgServer) {
  let fresh: TestDatabase | null = null;
  try {
    fresh = await createTestDatabase(pgServer, "ybplan_bench");
    await bench("postgres", fresh.url);
  } finally {
    await fresh?.drop();
  }
} else {
  console.log("\npostgres: skipped (set YBPLAN_BENCH_DATABASE_URL or YBPLAN_TEST_DATABASE_URL)");
}
