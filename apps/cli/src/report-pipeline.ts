import type { Jurisdiction } from "@ybplan/domain";
import { evaluateIndicator } from "@ybplan/domain/evaluation";
import { buildPlanReport, type ChildSummary, type PlanReport, type ReportKind, summariseReport } from "@ybplan/domain/report";
import type { PlanBundle } from "./data/bundle.ts";

/**
 * From loaded plans to report models: evaluate every indicator with the engine, build each
 * plan's report, then give every plan the summaries of the plans below it (a province's report
 * lists its cities and counties). Independent of the database so the bench can feed it directly.
 */

export function reportFor(bundle: PlanBundle, year: number, kind: ReportKind, children: readonly ChildSummary[] = []): PlanReport {
  const period = { baselineYear: bundle.plan.baselineYear, periodEnd: bundle.plan.periodEnd };
  return buildPlanReport({
    ...bundle,
    year,
    kind,
    evaluate: (indicator, observations, y) => evaluateIndicator({ indicator, observations, year: y, period }),
    children,
  });
}

/** Codes above `code`, nearest first, using a parent map. */
function ancestors(parents: ReadonlyMap<string, string | null>, code: string): string[] {
  const out: string[] = [];
  let cur = parents.get(code) ?? null;
  while (cur !== null && !out.includes(cur)) {
    out.push(cur);
    cur = parents.get(cur) ?? null;
  }
  return out;
}

export interface BuildReportsOptions {
  readonly year: number;
  readonly kind: ReportKind;
  /** Plans whose reports are wanted (default: all bundles). Others only feed child summaries. */
  readonly only?: ReadonlySet<string>;
  /** Called after each wanted report is built. */
  readonly onReport?: (report: PlanReport) => void | Promise<void>;
}

export async function buildReports(
  bundles: readonly PlanBundle[],
  jurisdictions: readonly Jurisdiction[],
  options: BuildReportsOptions,
): Promise<number> {
  const parents = new Map(jurisdictions.map((j) => [j.code, j.parentCode]));
  const summaries = new Map<string, ChildSummary[]>(); // ancestor code → summaries below it
  const own = new Map<string, PlanReport>();
  for (const b of bundles) {
    const r = reportFor(b, options.year, options.kind);
    own.set(b.plan.id, r);
    const s = summariseReport(r);
    for (const a of ancestors(parents, b.jurisdiction.code)) {
      const list = summaries.get(a) ?? [];
      list.push(s);
      summaries.set(a, list);
    }
  }
  let n = 0;
  for (const b of bundles) {
    if (options.only && !options.only.has(b.plan.id)) continue;
    const children = summaries.get(b.jurisdiction.code) ?? [];
    const report = children.length > 0 ? reportFor(b, options.year, options.kind, children) : own.get(b.plan.id)!;
    await options.onReport?.(report);
    n++;
  }
  return n;
}
