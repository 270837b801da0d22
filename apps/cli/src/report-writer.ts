import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Jurisdiction } from "@ybplan/domain";
import type { PlanReport, ReportKind } from "@ybplan/domain/report";
import { type ReportFormat, renderReport } from "@ybplan/reports";
import type { PlanBundle } from "./data/bundle.ts";
import { buildReports } from "./report-pipeline.ts";
import { Progress } from "./terminal/progress.ts";

export interface WriteReportsOptions {
  readonly year: number;
  readonly kind: ReportKind;
  readonly formats: readonly ReportFormat[];
  readonly outDir: string;
  /** Plans to write (default all bundles; the others feed child summaries). */
  readonly only?: ReadonlySet<string>;
  readonly charts?: boolean;
  /** Show a progress bar on stderr. */
  readonly progress?: boolean;
}

export interface WriteReportsSummary {
  readonly written: { readonly plan: string; readonly file: string }[];
  readonly failed: { readonly plan: string; readonly message: string }[];
  readonly reports: number;
  /** Plans with at least one 约束性 breach. */
  readonly withBreaches: number;
  readonly milliseconds: number;
}

/** Builds, renders and writes reports; one failing plan is recorded and the others go on. */
export async function writeReports(
  bundles: readonly PlanBundle[],
  jurisdictions: readonly Jurisdiction[],
  options: WriteReportsOptions,
): Promise<WriteReportsSummary> {
  const started = Date.now();
  mkdirSync(options.outDir, { recursive: true });
  const wanted = options.only?.size ?? bundles.length;
  const progress = options.progress ? new Progress(wanted, "生成报告") : null;
  const written: { plan: string; file: string }[] = [];
  const failed: { plan: string; message: string }[] = [];
  let withBreaches = 0;
  const onReport = async (report: PlanReport) => {
    if (report.counts.binding.breaches > 0) withBreaches++;
    for (const format of options.formats) {
      try {
        const out = await renderReport(report, format, { charts: options.charts });
        const file = join(options.outDir, out.fileName);
        writeFileSync(file, out.data);
        written.push({ plan: report.plan.title, file });
      } catch (e) {
        failed.push({ plan: report.plan.title, message: `${format}：${e instanceof Error ? e.message : String(e)}` });
      }
    }
    progress?.tick(report.jurisdiction.name);
  };
  const reports = await buildReports(bundles, jurisdictions, {
    year: options.year,
    kind: options.kind,
    only: options.only,
    onReport,
  });
  progress?.finish();
  return { written, failed, reports, withBreaches, milliseconds: Date.now() - started };
}
