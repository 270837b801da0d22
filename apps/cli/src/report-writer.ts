import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Jurisdiction } from "@ybplan/domain";
import type { PlanReport, ReportKind } from "@ybplan/domain/report";
import type { ReportFormat } from "@ybplan/reports";
import type { PlanBundle } from "./data/bundle.ts";
import { type RenderDone, type RenderJob, renderJob } from "./render-worker.ts";
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
  /** Worker threads rendering in parallel (1 = in this thread). */
  readonly jobs?: number;
}

export interface WriteReportsSummary {
  readonly written: { readonly plan: string; readonly file: string }[];
  readonly failed: { readonly plan: string; readonly message: string }[];
  readonly reports: number;
  /** Plans with at least one 约束性 breach. */
  readonly withBreaches: number;
  readonly milliseconds: number;
}

/** Default for `--jobs`: one worker per core, at most 4 (rendering is CPU-bound). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Renders in worker threads; `submit` resolves when the pool has room again (backpressure). */
class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, (d: RenderDone) => void>();
  private readonly load: number[] = [];
  private readonly pending: Promise<RenderDone>[] = [];
  private next = 0;

  constructor(size: number) {
    // The worker's module is TypeScript: start it through tsx's API (a loader given on the
    // command line registers too late for a worker's entry module).
    const tsxApi = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./render-worker.ts", import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
    for (let i = 0; i < size; i++) {
      const w = new Worker(bootstrap, { eval: true });
      w.on("message", (d: RenderDone) => {
        this.load[i]!--;
        this.waiting.get(d.id)?.(d);
        this.waiting.delete(d.id);
      });
      w.on("error", (e) => {
        // A dead worker: its jobs fail with the reason, later jobs go to the others.
        this.load[i] = Number.POSITIVE_INFINITY;
        for (const [id, resolve] of this.waiting) resolve({ id, written: [], failed: [{ plan: "", message: e.message }] });
        this.waiting.clear();
      });
      this.workers.push(w);
      this.load.push(0);
    }
  }

  async submit(job: Omit<RenderJob, "id">, onDone: () => void): Promise<void> {
    const id = this.next++;
    if (this.load.every((l) => l === Number.POSITIVE_INFINITY)) {
      const failed: RenderDone = { id, written: [], failed: [{ plan: job.report.plan.title, message: "渲染线程已退出" }] };
      this.pending.push(Promise.resolve(failed));
      onDone();
      return;
    }
    let best = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    this.load[best]!++;
    const done = new Promise<RenderDone>((resolve) =>
      this.waiting.set(id, (d) => {
        onDone();
        resolve(d);
      }),
    );
    this.pending.push(done);
    this.workers[best]!.postMessage({ ...job, id });
    // Keep at most two jobs queued per worker so reports are not all held in memory.
    while (Math.min(...this.load) >= 2 && this.waiting.size > 0) {
      await Promise.race([...this.waiting.keys()].map((k) => this.pending[k]!));
    }
  }

  async finish(): Promise<RenderDone[]> {
    const all = await Promise.all(this.pending);
    await Promise.all(this.workers.map((w) => w.terminate()));
    return all;
  }
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
  // Threads pay off for Word and Excel only: a worker costs seconds to start (it compiles the
  // renderers), and Markdown/HTML render in about a millisecond.
  const heavy = options.formats.some((f) => f === "docx" || f === "xlsx");
  const jobs = heavy && wanted >= 8 ? Math.max(1, Math.min(options.jobs ?? 1, wanted)) : 1;
  const progress = options.progress ? new Progress(wanted, "生成报告") : null;
  const written: WriteReportsSummary["written"] = [];
  const failed: WriteReportsSummary["failed"] = [];
  const collect = (d: RenderDone) => {
    written.push(...d.written);
    failed.push(...d.failed);
  };
  let withBreaches = 0;
  const pool = jobs > 1 ? new RenderPool(jobs) : null;
  const charts = options.charts !== false;
  const onReport = async (report: PlanReport) => {
    if (report.counts.binding.breaches > 0) withBreaches++;
    const job = { report, formats: options.formats, outDir: options.outDir, charts };
    const name = report.jurisdiction.name;
    if (pool) await pool.submit(job, () => progress?.tick(name));
    else {
      collect(await renderJob({ ...job, id: 0 }));
      progress?.tick(name);
    }
  };
  const reports = await buildReports(bundles, jurisdictions, {
    year: options.year,
    kind: options.kind,
    only: options.only,
    onReport,
  });
  if (pool) for (const d of await pool.finish()) collect(d);
  progress?.finish();
  return { written, failed, reports, withBreaches, milliseconds: Date.now() - started };
}
