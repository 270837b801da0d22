import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanReport } from "@ybplan/domain/report";
import type { ReportFormat } from "@ybplan/reports";
import { Effect } from "effect";
import { oneOf, parse, yearOption } from "../args.ts";
import { call, withApi } from "../data/api.ts";
import { allPlans, emptyDatabaseMessage, type PlanItem, resolvePlan } from "../data/plans.ts";
import { Failure, messageOf, NotFound, UsageError } from "../errors.ts";
import { userPath } from "../paths.ts";
import { Progress } from "../terminal/progress.ts";
import type { Command } from "./command.ts";

const help = `用法：ybplan report (--plan <规划> | --all) --year <年份> [选项]

生成规划实施情况年度监测报告或中期评估报告。

  --plan <规划>     规划 id、行政区划代码（420200）、地区名称（黄石市）或规划标题中的词
  --all             为数据库中的每个规划生成报告（显示进度条，结束时汇总）
  --year <年份>     报告年份，例如 2023
  --format <格式>   docx | xlsx | html | md，可用逗号分隔多个（默认 docx）
  --kind <类型>     annual（年度监测，默认）| mid-term（中期评估，覆盖规划期首年至报告年份）
  --out <目录>      输出目录（默认当前目录）
  --no-charts       Word 报告不附图表（更快）
  -h, --help        显示本帮助

省级和市级规划的报告附下级地区规划的评估汇总表。`;

export const reportCommand: Command = {
  name: "report",
  summary: "生成年度监测报告 / 中期评估报告（docx、xlsx、html、md）",
  help,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, {
        plan: { type: "string" },
        all: { type: "boolean" },
        year: { type: "string" },
        format: { type: "string" },
        kind: { type: "string" },
        out: { type: "string" },
        "no-charts": { type: "boolean" },
      });
      if (args.help) return void process.stdout.write(`${help}\n`);
      if (args.positionals.length > 0) {
        return yield* Effect.fail(new UsageError({ message: `多余的参数 ${args.positionals[0]}` }));
      }
      const { plan, all } = args.values;
      if ((plan === undefined) === (all !== true)) {
        return yield* Effect.fail(new UsageError({ message: "请指定 --plan <规划> 或 --all（二者选一）" }));
      }
      const year = yield* yearOption(args.values.year);
      const formats = yield* parseFormats(args.values.format ?? "docx");
      const kind = yield* oneOf(args.values.kind, ["annual", "mid-term"] as const, "--kind", "annual");
      const outDir = userPath(args.values.out ?? ".");
      const reportKind = kind === "mid-term" ? "midTerm" : "annual";
      const charts = args.values["no-charts"] !== true;
      const started = Date.now();

      // Reports come from the API's reports service (reports.model), as the admin's downloads do.
      const summary = yield* withApi(({ api }) =>
        Effect.gen(function* () {
          let targets: PlanItem[];
          if (plan !== undefined) targets = [yield* resolvePlan(api, plan)];
          else {
            const plans = yield* allPlans(api);
            if (plans.length === 0)
              return yield* Effect.fail(new NotFound({ message: emptyDatabaseMessage }));
            targets = plans.filter(
              (p) => p.status !== "archived" && p.periodStart <= year && p.periodEnd >= year,
            );
            if (targets.length === 0) {
              return yield* Effect.fail(new NotFound({ message: `没有在 ${year} 年实施的规划` }));
            }
          }
          yield* Effect.try({
            try: () => mkdirSync(outDir, { recursive: true }),
            catch: (e) => new Failure({ message: `无法创建输出目录 ${outDir}：${messageOf(e)}` }),
          });
          const progress = all === true ? new Progress(targets.length, "生成报告") : null;
          const written: string[] = [];
          const failed: { plan: string; message: string }[] = [];
          let withBreaches = 0;
          for (const target of targets) {
            const model = call(target.title, () =>
              api.reports.model({ planId: target.id, year, kind: reportKind }),
            );
            // --plan: a refused plan is the command's error; --all: it is listed and the rest go on.
            const report = all === true ? yield* Effect.catch(model, (e) => Effect.succeed(e)) : yield* model;
            if ("_tag" in report) {
              failed.push({ plan: target.title, message: report.message });
              progress?.tick(target.title);
              continue;
            }
            if (report.counts.binding.breaches > 0) withBreaches++;
            const files = yield* Effect.promise(() => renderAll(report, formats, outDir, charts));
            for (const f of files) {
              if (f.ok) written.push(f.path);
              else failed.push({ plan: target.title, message: f.message });
            }
            progress?.tick(target.title);
          }
          progress?.finish();
          return { reports: targets.length, written, failed, withBreaches };
        }),
      );

      if (all === true) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stderr.write(
          `完成：${summary.reports} 个规划，写出 ${summary.written.length} 个文件（${formats.join("、")}），失败 ${summary.failed.length} 个，用时 ${seconds} 秒；存在约束性指标未达标的规划 ${summary.withBreaches} 个。输出目录：${outDir}\n`,
        );
      }
      for (const w of summary.written) process.stdout.write(`${w}\n`);
      for (const f of summary.failed) process.stderr.write(`ybplan: ${f.plan}：${f.message}\n`);
      if (summary.failed.length > 0) {
        return yield* Effect.fail(new Failure({ message: `${summary.failed.length} 个报告生成失败` }));
      }
    }),
};

type Rendered = { ok: true; path: string } | { ok: false; message: string };

/** Renders and writes one report in each format; a failing format does not stop the others. */
async function renderAll(
  report: PlanReport,
  formats: readonly ReportFormat[],
  outDir: string,
  charts: boolean,
): Promise<Rendered[]> {
  const { renderReport } = await import("@ybplan/reports");
  const out: Rendered[] = [];
  for (const format of formats) {
    try {
      const file = await renderReport(report, format, { charts });
      const path = join(outDir, file.fileName);
      writeFileSync(path, file.data);
      out.push({ ok: true, path });
    } catch (e) {
      out.push({ ok: false, message: `${format}：${messageOf(e)}` });
    }
  }
  return out;
}

const reportFormats: readonly ReportFormat[] = ["docx", "xlsx", "html", "md"];
const isReportFormat = (s: string): s is ReportFormat => (reportFormats as readonly string[]).includes(s);

function parseFormats(value: string): Effect.Effect<ReportFormat[], UsageError> {
  const parts = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = parts.find((p) => !isReportFormat(p));
  if (bad !== undefined || parts.length === 0) {
    return Effect.fail(
      new UsageError({ message: `--format 只能是 ${reportFormats.join(" | ")}，收到“${bad ?? value}”` }),
    );
  }
  return Effect.succeed([...new Set(parts)] as ReportFormat[]);
}
