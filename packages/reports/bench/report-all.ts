/**
 * `pnpm bench` for reports: the annual report of every plan of the synthetic national dataset
 * (≈3,200 plans × 20 indicators), evaluated by the engine, built into the report model and
 * rendered, as `report --all` does after loading. Goals (the CLI's): md < 10 s for all plans,
 * docx < 120 s. docx is measured on one thread over a sample and scaled to all plans (the CLI
 * renders docx on every core, so this is the slower bound).
 *   tsx bench/report-all.ts [docxSample=200]
 */
import type { Observation } from "@ybplan/domain";
import { evaluateIndicator } from "@ybplan/domain/evaluation";
import { buildPlanReport } from "@ybplan/domain/report";
import { generateNationalDataset } from "@ybplan/domain/synthetic";
import { Result } from "effect";
import { renderReport } from "../src/index.ts";

const YEAR = 2023;
const sample = Number(process.argv[2] ?? 200);

const t0 = performance.now();
const data = Result.getOrThrow(generateNationalDataset());
const byCode = new Map(data.jurisdictions.map((j) => [j.code, j]));
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k) ?? [];
    list.push(t);
    out.set(k, list);
  }
  return out;
}
const indicatorsByPlan = groupBy(data.indicators, (i) => i.planId);
const planOf = new Map(data.indicators.map((i) => [i.id, i.planId]));
const obsByPlan = groupBy(
  data.observations.filter((o) => o.year <= YEAR),
  (o: Observation) => planOf.get(o.indicatorId)!,
);
const prepMs = performance.now() - t0;

function report(plan: (typeof data.plans)[number]) {
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
    evaluate: (indicator, observations, y) => evaluateIndicator({ indicator, observations, year: y, period }),
  });
}

const t1 = performance.now();
let bytes = 0;
for (const plan of data.plans) bytes += (await renderReport(report(plan), "md")).data.byteLength;
const mdMs = performance.now() - t1;

const subset = data.plans.slice(0, Math.min(sample, data.plans.length));
async function docx(charts: boolean): Promise<number> {
  const t = performance.now();
  for (const plan of subset) await renderReport(report(plan), "docx", { charts });
  return ((performance.now() - t) / subset.length) * data.plans.length;
}
const docxMs = await docx(true);
// The figure (charts/, being replaced by a native docx chart) apart from the document itself.
const textMs = await docx(false);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mark = (ok: boolean) => (ok ? "PASS" : "MISS");
console.log(`\nReport benchmarks (packages/reports), ${data.plans.length} plans, dataset ${s(prepMs)}`);
console.log(
  `report --all md    ${s(mdMs).padStart(9)}  goal < 10 s   ${mark(mdMs < 10_000)}  (${(bytes / 1e6).toFixed(1)} MB)`,
);
console.log(
  `report --all docx  ${s(docxMs).padStart(9)}  goal < 120 s  ${mark(docxMs < 120_000)}  (one thread, scaled from ${subset.length} plans)`,
);
console.log(`  of which without the figure ${s(textMs)}`);
