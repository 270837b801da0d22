/**
 * `pnpm bench` for reports: the annual report of every plan of the synthetic national dataset
 * (3,211 plans × 20 indicators), evaluated by the engine, built into the report model and
 * rendered, as `report --all` does after loading. Goals: md < 10 s; docx < 60 s on 2 cores.
 *
 * - md: all plans on one thread.
 * - docx: all plans on one thread, with the native charts (A) and, as the baseline in the same
 *   run, without the figure (B), alternating in blocks so drift under load hits both alike; the
 *   charts' cost is A − B.
 * - docx on 2 cores: the plans split between two worker threads (as `report --all` with two jobs
 *   would), wall time from a common start.
 * Wall and CPU time are both printed, each against the goal: on a shared machine the wall time
 * counts other work too, the CPU time is the batch's own (one thread: CPU; two: CPU / 2).
 *   tsx bench/report-all.ts [plans]   (default: all)
 */
import { availableParallelism, loadavg } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { Observation } from "@ybplan/domain";
import { evaluateIndicator } from "@ybplan/domain/evaluation";
import { buildPlanReport } from "@ybplan/domain/report";
import { generateNationalDataset } from "@ybplan/domain/synthetic";
import { Result } from "effect";
import { type ReportFormat, renderReport } from "../src/index.ts";

const YEAR = 2023;

function loadDataset() {
  const data = Result.getOrThrow(generateNationalDataset());
  const byCode = new Map(data.jurisdictions.map((j) => [j.code, j]));
  const planOf = new Map(data.indicators.map((i) => [i.id, i.planId]));
  const indicatorsByPlan = new Map<string, (typeof data.indicators)[number][]>();
  for (const i of data.indicators) {
    const list = indicatorsByPlan.get(i.planId) ?? [];
    list.push(i);
    indicatorsByPlan.set(i.planId, list);
  }
  const obsByPlan = new Map<string, Observation[]>();
  for (const o of data.observations) {
    if (o.year > YEAR) continue;
    const plan = planOf.get(o.indicatorId)!;
    const list = obsByPlan.get(plan) ?? [];
    list.push(o);
    obsByPlan.set(plan, list);
  }
  const report = (plan: (typeof data.plans)[number]) => {
    const period = { baselineYear: plan.baselineYear, periodEnd: plan.periodEnd };
    return buildPlanReport({
      plan,
      jurisdiction: byCode.get(plan.jurisdictionCode)!,
      indicators: indicatorsByPlan.get(plan.id) ?? [],
      observations: obsByPlan.get(plan.id) ?? [],
      tasks: [],
      projects: [],
      year: YEAR,
      kind: "annual",
      evaluate: (indicator, observations, y) =>
        evaluateIndicator({ indicator, observations, year: y, period }),
    });
  };
  return { plans: data.plans, report };
}

type Dataset = ReturnType<typeof loadDataset>;

interface Timing {
  wallMs: number;
  cpuMs: number;
  bytes: number;
  reports: number;
}

const zero = (): Timing => ({ wallMs: 0, cpuMs: 0, bytes: 0, reports: 0 });

/** Model and file for plans [from, to), added to `into`. */
async function render(
  d: Dataset,
  format: ReportFormat,
  charts: boolean,
  from: number,
  to: number,
  into: Timing,
): Promise<void> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (const plan of d.plans.slice(from, to)) {
    into.bytes += (await renderReport(d.report(plan), format, { charts })).data.byteLength;
    into.reports++;
  }
  into.wallMs += performance.now() - t;
  const used = process.cpuUsage(cpu);
  into.cpuMs += (used.user + used.system) / 1000;
}

interface Job {
  readonly from: number;
  readonly to: number;
}

// A worker does not inherit tsx's loader on Node 20: register it, then load this file.
const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;

async function twoCores(total: number): Promise<Timing> {
  const half = Math.ceil(total / 2);
  const workers = [
    { from: 0, to: half },
    { from: half, to: total },
  ].map((job) => new Worker(bootstrap, { eval: true, workerData: job }));
  await Promise.all(workers.map((w) => new Promise((ok) => w.once("message", ok))));
  // process.cpuUsage() counts every thread of the process: read it here, around both workers.
  const cpu = process.cpuUsage();
  const t = performance.now();
  const results = await Promise.all(
    workers.map(
      (w) =>
        new Promise<Timing & { doneAt: number }>((ok, fail) => {
          w.once("message", (m: Timing) => ok({ ...m, doneAt: performance.now() }));
          w.once("error", fail);
          w.postMessage("go");
        }),
    ),
  );
  const used = process.cpuUsage(cpu);
  await Promise.all(workers.map((w) => w.terminate()));
  return {
    wallMs: Math.max(...results.map((r) => r.doneAt)) - t,
    cpuMs: (used.user + used.system) / 1000,
    bytes: results.reduce((a, r) => a + r.bytes, 0),
    reports: results.reduce((a, r) => a + r.reports, 0),
  };
}

async function main() {
  const t0 = performance.now();
  const d = loadDataset();
  const total = Math.min(Number(process.argv[2] ?? d.plans.length), d.plans.length);
  const prepMs = performance.now() - t0;
  // Warm-up: module loading, the docx skeleton, JIT.
  for (const format of ["md", "docx"] as const) await render(d, format, true, 0, 20, zero());

  const md = zero();
  await render(d, "md", true, 0, total, md);

  const withCharts = zero();
  const baseline = zero();
  const block = 100;
  for (let from = 0; from < total; from += block) {
    const to = Math.min(from + block, total);
    await render(d, "docx", true, from, to, withCharts);
    await render(d, "docx", false, from, to, baseline);
  }

  const parallel = await twoCores(total);

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
  const per = (t: Timing) => `${(t.cpuMs / t.reports).toFixed(1)} ms CPU/report`;
  const mark = (ms: number, goal: number) => (ms < goal ? "PASS" : "MISS").padStart(8);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  // On a shared machine the wall time counts other people's work too; the CPU time is what the
  // batch itself costs: on an idle machine one thread takes its CPU time, two take half of it.
  console.log(
    `\nReport benchmarks (packages/reports): ${total} of ${d.plans.length} plans, annual ${YEAR}; dataset ${s(prepMs).trim()}; ` +
      `${availableParallelism()} cores, load ${load}`,
  );
  console.log("                                wall       CPU    goal    by wall  by CPU");
  console.log(
    `report --all md             ${s(md.wallMs)}  ${s(md.cpuMs)}  < 10 s ${mark(md.wallMs, 10_000)}${mark(md.cpuMs, 10_000)}   ${per(md)}, ${(md.bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `report --all docx, 2 cores  ${s(parallel.wallMs)}  ${s(parallel.cpuMs)}  < 60 s ${mark(parallel.wallMs, 60_000)}${mark(parallel.cpuMs / 2, 60_000)}   two worker threads (by CPU: CPU / 2), ${(parallel.bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `report --all docx, 1 core   ${s(withCharts.wallMs)}  ${s(withCharts.cpuMs)}  < 60 s ${mark(withCharts.wallMs, 60_000)}${mark(withCharts.cpuMs, 60_000)}   ${per(withCharts)}, native charts`,
  );
  console.log(
    `  baseline: docx, no figure ${s(baseline.wallMs)}  ${s(baseline.cpuMs)}                           ${per(baseline)}; ` +
      `the charts add ${(((withCharts.cpuMs - baseline.cpuMs) / baseline.cpuMs) * 100).toFixed(0)} % CPU`,
  );
}

if (!isMainThread) {
  // A worker: load the dataset, warm up, say so, render its share on "go".
  const job = workerData as Job;
  const d = loadDataset();
  await render(d, "docx", true, job.from, Math.min(job.from + 5, job.to), zero());
  parentPort!.postMessage("ready");
  parentPort!.once("message", async () => {
    const timing = zero();
    await render(d, "docx", true, job.from, job.to, timing);
    parentPort!.postMessage(timing);
  });
} else {
  await main();
}
