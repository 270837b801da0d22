/**
 * `pnpm bench` for the CLI: `report --all` over the synthetic national dataset (≈3,200 plans ×
 * 20 indicators), through the same pipeline the command runs after loading from the database
 * (evaluate → buildPlanReport with child summaries → render → write files).
 * Goals: md < 10 s, docx < 120 s. `tsx bench/run.ts [limit|all] [md,docx]` runs on the first
 * `limit` plans (goals scaled) and/or one format.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Observation } from "@ybplan/domain";
import { generateNationalDataset } from "@ybplan/domain/synthetic";
import type { ReportFormat } from "@ybplan/reports";
import { Result } from "effect";
import type { PlanBundle } from "../src/data/bundle.ts";
import { defaultJobs, writeReports } from "../src/report-writer.ts";

const YEAR = 2023;
const limit = process.argv[2] && process.argv[2] !== "all" ? Number(process.argv[2]) : Number.POSITIVE_INFINITY;
const only = process.argv[3]?.split(",");

const t0 = performance.now();
const data = Result.getOrThrow(generateNationalDataset());
const byCode = new Map(data.jurisdictions.map((j) => [j.code, j]));
const indicatorsByPlan = new Map<string, (typeof data.indicators)[number][]>();
for (const i of data.indicators) {
  const list = indicatorsByPlan.get(i.planId) ?? [];
  list.push(i);
  indicatorsByPlan.set(i.planId, list);
}
const planOf = new Map(data.indicators.map((i) => [i.id, i.planId]));
const obsByPlan = new Map<string, Observation[]>();
for (const o of data.observations) {
  if (o.year > YEAR) continue; // what the database query returns for a 2023 report
  const p = planOf.get(o.indicatorId)!;
  const list = obsByPlan.get(p) ?? [];
  list.push(o);
  obsByPlan.set(p, list);
}
const bundles: PlanBundle[] = data.plans.slice(0, limit).map((plan) => ({
  plan,
  jurisdiction: byCode.get(plan.jurisdictionCode)!,
  indicators: indicatorsByPlan.get(plan.id) ?? [],
  observations: obsByPlan.get(plan.id) ?? [],
  tasks: [],
  projects: [],
}));
const prepMs = performance.now() - t0;

interface Row {
  name: string;
  ms: number;
  goalMs: number | null;
  detail: string;
}
const rows: Row[] = [{ name: "synthetic dataset → plan bundles", ms: prepMs, goalMs: null, detail: `${bundles.length} plans, ${data.indicators.length} indicators` }];

async function run(format: ReportFormat, goalMs: number) {
  const out = mkdtempSync(join(tmpdir(), `ybplan-bench-${format}-`));
  try {
    const s = await writeReports(bundles, data.jurisdictions, { year: YEAR, kind: "annual", formats: [format], outDir: out, progress: process.stderr.isTTY === true, jobs: defaultJobs() });
    // Scale the goal when running on a subset.
    const scaledGoal = goalMs * (bundles.length / data.plans.length);
    rows.push({
      name: `report --all --format ${format}`,
      ms: s.milliseconds,
      goalMs: scaledGoal,
      detail: `${s.written.length} files, ${s.failed.length} failed, ${s.withBreaches} plans with breaches${format === "md" ? "" : `, ${defaultJobs()} render threads`}`,
    });
    if (s.failed.length > 0) process.stderr.write(`${s.failed.slice(0, 3).map((f) => `${f.plan}: ${f.message}`).join("\n")}\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (!only || only.includes("md")) await run("md", 10_000);
if (!only || only.includes("docx")) await run("docx", 120_000);

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log("\nCLI benchmarks (apps/cli)");
console.log(`${"benchmark".padEnd(36)}${"measured".padStart(12)}${"goal".padStart(12)}  result`);
for (const r of rows) {
  const verdict = r.goalMs === null ? "" : r.ms <= r.goalMs ? "PASS" : "MISS";
  console.log(`${r.name.padEnd(36)}${fmt(r.ms).padStart(12)}${(r.goalMs === null ? "—" : `< ${fmt(r.goalMs)}`).padStart(12)}  ${verdict}`);
  console.log(`${"".padEnd(4)}${r.detail}`);
}
