import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import type { PlanReport } from "@ybplan/domain/report";
import { type ReportFormat, renderReport } from "@ybplan/reports";

/** Worker thread of `report --all --jobs N`: renders reports it is sent and writes the files. */

export interface RenderJob {
  readonly id: number;
  readonly report: PlanReport;
  readonly formats: readonly ReportFormat[];
  readonly outDir: string;
  readonly charts: boolean;
}

export interface RenderDone {
  readonly id: number;
  readonly written: { plan: string; file: string }[];
  readonly failed: { plan: string; message: string }[];
}

export async function renderJob(job: RenderJob): Promise<RenderDone> {
  const written: RenderDone["written"] = [];
  const failed: RenderDone["failed"] = [];
  for (const format of job.formats) {
    try {
      const out = await renderReport(job.report, format, { charts: job.charts });
      const file = join(job.outDir, out.fileName);
      writeFileSync(file, out.data);
      written.push({ plan: job.report.plan.title, file });
    } catch (e) {
      failed.push({ plan: job.report.plan.title, message: `${format}：${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { id: job.id, written, failed };
}

parentPort?.on("message", (job: RenderJob) => {
  void renderJob(job).then((done) => parentPort!.postMessage(done));
});
