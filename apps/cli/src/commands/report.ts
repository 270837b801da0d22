import { subtreeCodes } from "@ybplan/domain/jurisdiction";
import type { ReportFormat } from "@ybplan/reports";
import { Effect } from "effect";
import { oneOf, parse, yearOption } from "../args.ts";
import { query, withDatabase } from "../data/database.ts";
import { allJurisdictions, allPlans, loadBundles, resolvePlan } from "../data/load.ts";
import { withReportSections } from "../data/sections.ts";
import { Failure, UsageError } from "../errors.ts";
import { userPath } from "../paths.ts";
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
  --jobs <数量>     并行渲染的线程数（--all 时默认为 CPU 核数，最多 4）
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
        jobs: { type: "string" },
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
      const jobsText = args.values.jobs;
      const jobsValue = jobsText === undefined ? null : Number(jobsText);
      if (jobsValue !== null && !(Number.isInteger(jobsValue) && jobsValue >= 1 && jobsValue <= 32)) {
        return yield* Effect.fail(new UsageError({ message: `--jobs 应为 1–32 的整数，收到“${jobsText}”` }));
      }

      const summary = yield* withDatabase((database) =>
        Effect.gen(function* () {
          const jurisdictions = yield* allJurisdictions(database.db);
          const plans = yield* allPlans(database.db);
          let only: Set<string> | undefined;
          let scope = plans;
          if (plan !== undefined) {
            const target = yield* resolvePlan(database.db, plan);
            only = new Set([target.id]);
            // The plan and the plans below it (for the table of cities and counties).
            const codes = subtreeCodes(jurisdictions, target.jurisdictionCode);
            scope = plans.filter(
              (p) =>
                p.id === target.id ||
                (codes.has(p.jurisdictionCode) && p.jurisdictionCode !== target.jurisdictionCode),
            );
          }
          const loaded = yield* loadBundles(database.db, scope, jurisdictions, year);
          const bundles = yield* query("读取集中带量采购与信用数据", () =>
            withReportSections(database.db, loaded, year, only),
          );
          return yield* Effect.tryPromise({
            try: async () => {
              // Loaded here: the renderers (docx, exceljs, echarts) are the CLI's heaviest modules.
              const writer = await import("../report-writer.ts");
              return writer.writeReports(bundles, jurisdictions, {
                year,
                kind: kind === "mid-term" ? "midTerm" : "annual",
                formats,
                outDir,
                only,
                charts: args.values["no-charts"] !== true,
                progress: all === true,
                jobs: jobsValue ?? (all === true ? writer.defaultJobs() : 1),
              });
            },
            catch: (e) =>
              new Failure({ message: `生成报告失败：${e instanceof Error ? e.message : String(e)}` }),
          });
        }),
      );

      if (all === true) {
        const seconds = (summary.milliseconds / 1000).toFixed(1);
        process.stderr.write(
          `完成：${summary.reports} 个规划，写出 ${summary.written.length} 个文件（${formats.join("、")}），失败 ${summary.failed.length} 个，用时 ${seconds} 秒；存在约束性指标未达标的规划 ${summary.withBreaches} 个。输出目录：${outDir}\n`,
        );
      }
      for (const w of summary.written) process.stdout.write(`${w.file}\n`);
      for (const f of summary.failed) process.stderr.write(`ybplan: ${f.plan}：${f.message}\n`);
      if (summary.failed.length > 0) {
        return yield* Effect.fail(new Failure({ message: `${summary.failed.length} 个报告生成失败` }));
      }
      if (summary.reports === 0)
        return yield* Effect.fail(
          new Failure({ message: "数据库中没有规划，请先导入（ybplan import plan FILE）" }),
        );
    }),
};

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
