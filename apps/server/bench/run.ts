/**
 * Bench: the verdict summary of a province subtree (`evaluation.subtree`) under 20 concurrent
 * clients over real HTTP, against `/healthz` as the baseline. Synthetic data from
 * @ybplan/domain/synthetic: 1 province, 14 cities, 120 counties, 20 indicators each, values
 * 2020–2025. Goals: p95 < 50 ms; throughput ≥ 30% of the baseline's.
 * Embedded PGlite in memory by default; YBPLAN_BENCH_DATABASE_URL runs it on PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import {
  indicators,
  jurisdictions,
  observations,
  plans,
  systemActor,
  writeAudit,
} from "@ybplan/db";
import { generateNationalDataset } from "@ybplan/domain/synthetic";
import { Result } from "effect";
import { startServer } from "../src/index.ts";

const CONCURRENCY = Number(process.env.YBPLAN_BENCH_CONCURRENCY ?? 20);
const DURATION_MS = Number(process.env.YBPLAN_BENCH_DURATION_MS ?? 5_000);
const YEAR = 2023;

const dataset = Result.getOrThrow(generateNationalDataset({ provinces: 1, cities: 14, counties: 120 }));
const province = dataset.jurisdictions.find((j) => j.level === "province")!;
const password = "Bench-pass-1";
const server = await startServer({
  port: 0,
  adminDist: null,
  importer: null,
  adminPassword: password,
  databaseUrl: process.env.YBPLAN_BENCH_DATABASE_URL || undefined,
});
const db = server.database.db;

// Bulk load (a benchmark fixture, not a user's change: no audit rows).
const planIds = new Map(dataset.plans.map((p) => [p.id, randomUUID()]));
const indicatorIds = new Map(dataset.indicators.map((i) => [i.id, randomUUID()]));
const chunks = <T>(rows: T[], n = 500) =>
  Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, i * n + n));
const existing = new Set(
  (await db.select({ code: jurisdictions.code }).from(jurisdictions)).map((r) => r.code),
);
for (const c of chunks(dataset.jurisdictions.filter((j) => !existing.has(j.code))))
  await db.insert(jurisdictions).values(c);
for (const c of chunks(dataset.plans)) {
  await db
    .insert(plans)
    .values(
      c.map((p) => ({
        ...p,
        id: planIds.get(p.id)!,
        parentPlanId: p.parentPlanId ? planIds.get(p.parentPlanId)! : null,
      })),
    );
}
for (const c of chunks(dataset.indicators)) {
  await db.insert(indicators).values(
    c.map((i) => ({
      ...i,
      id: indicatorIds.get(i.id)!,
      planId: planIds.get(i.planId)!,
      parentIndicatorId: i.parentIndicatorId ? (indicatorIds.get(i.parentIndicatorId) ?? null) : null,
      key: `${i.category}/${i.name}`,
      baselineText: i.baseline.text,
      targetText: i.target.text,
      targetKind: i.target.expression.kind,
    })),
  );
}
// The store keeps one value per indicator, year and subject; the generator sometimes adds a text
// judgement beside a number for the same year: the judgement (the later one) is kept.
const oneValue = new Map<string, (typeof dataset.observations)[number]>();
for (const o of dataset.observations) oneValue.set(`${o.indicatorId}|${o.year}|${o.subject ?? ""}`, o);
const folded = dataset.observations.length - oneValue.size;
for (const c of chunks([...oneValue.values()], 1000)) {
  await db.insert(observations).values(
    c.map((o) => ({
      indicatorId: indicatorIds.get(o.indicatorId)!,
      year: o.year,
      subject: o.subject ?? null,
      valueKind: o.value.kind,
      valueNumber: o.value.kind === "number" ? o.value.value : null,
      valueText: o.value.kind === "text" ? o.value.text : null,
      source: o.source,
      note: o.note,
      recordedBy: o.recordedBy,
    })),
  );
}

const login = await fetch(`${server.url}/trpc/auth.login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "admin", password }),
});
const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
const subtreeUrl = `${server.url}/trpc/evaluation.subtree?input=${encodeURIComponent(JSON.stringify({ jurisdictionCode: province.code, year: YEAR }))}`;

async function once(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} → ${res.status} ${body.slice(0, 200)}`);
  return performance.now() - t;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Load from a worker thread (its own event loop and core), so the clients' own work — sending,
 * receiving, parsing — does not eat the server's event loop.
 */
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, cookie, concurrency, durationMs } = workerData;
async function once() {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(url + " -> " + res.status + " " + body.slice(0, 200));
  return performance.now() - t;
}
(async () => {
  for (let i = 0; i < 20; i++) await once();
  const latencies = [];
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) latencies.push(await once());
  }));
  parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000 });
})().catch((e) => parentPort.postMessage({ error: String(e) }));
`;

async function load(url: string) {
  const result = await new Promise<{ latencies: number[]; seconds: number }>((resolve, reject) => {
    const w = new Worker(workerSource, {
      eval: true,
      workerData: { url, cookie, concurrency: CONCURRENCY, durationMs: DURATION_MS },
    });
    w.once("message", (m: { latencies: number[]; seconds: number; error?: string }) => {
      void w.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    w.once("error", reject);
  });
  const latencies = result.latencies.sort((a, b) => a - b);
  return {
    n: latencies.length,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    rps: latencies.length / result.seconds,
  };
}

// Check the payload once: every plan of the subtree is evaluated.
const check = (await (await fetch(subtreeUrl, { headers: { cookie } })).json()) as {
  result: { data: { totals: { plans: number; indicators: number } } };
};
const payloadBytes = Buffer.byteLength(JSON.stringify(check));
const baseline = await load(`${server.url}/healthz`);
const subtree = await load(subtreeUrl);

// Cold: the first request after a change (the cache is keyed on the data generation).
const cold: number[] = [];
for (let i = 0; i < 10; i++) {
  // Any audited change invalidates (the audit insert bumps the generation).
  const before = server.database.changes.stamp();
  await writeAudit(db, systemActor, { action: "bench", entity: "bench", entityId: String(i) });
  if (server.database.changes.stamp() === before) throw new Error("change key did not move");
  cold.push(await once(subtreeUrl));
}
cold.sort((a, b) => a - b);
await server.close();

const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = subtree.rps / baseline.rps;
console.log(
  `\n@ybplan/server bench — ${server.database.kind}, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s each`,
);
console.log(
  `dataset: ${dataset.jurisdictions.length} jurisdictions, ${check.result.data.totals.plans} plans, ${check.result.data.totals.indicators} indicators, ${oneValue.size} observations (${folded} same-year duplicates folded)`,
);
console.log(
  `response: ${(payloadBytes / 1024).toFixed(0)} KiB; machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`,
);
console.log(
  `/healthz (baseline)        p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}  ${baseline.rps.toFixed(0)} req/s  (${baseline.n} requests)`,
);
console.log(
  `evaluation.subtree ${province.code}  p50 ${ms(subtree.p50)}  p95 ${ms(subtree.p95)}  ${subtree.rps.toFixed(0)} req/s  (${subtree.n} requests)`,
);
console.log(`  goal p95 < 50 ms: ${subtree.p95 < 50 ? "met" : "NOT met"} (${ms(subtree.p95)})`);
console.log(
  `  goal throughput ≥ 30% of baseline: ${ratio >= 0.3 ? "met" : "NOT met"} (${(ratio * 100).toFixed(0)}%)`,
);
console.log(
  `cold (first request after a change, sequential): p50 ${ms(pct(cold, 50))}  max ${ms(cold.at(-1)!)}`,
);
