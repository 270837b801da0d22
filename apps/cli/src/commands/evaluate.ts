import { verdictLabels } from "@ybplan/domain/evaluation";
import { Effect } from "effect";
import { oneOf, parse, required, yearOption } from "../args.ts";
import { call, withApi } from "../data/api.ts";
import { resolvePlan } from "../data/plans.ts";
import { UsageError } from "../errors.ts";
import { formatTable } from "../terminal/table.ts";
import type { Command } from "./command.ts";

const help = `用法：ybplan evaluate --plan <规划> --year <年份> [--format table|json]

在终端列出规划主要指标的评估结论：约束性指标未达标的排在最前，其余按指标表顺序。

  --plan <规划>     规划 id、行政区划代码、地区名称或规划标题中的词
  --year <年份>     评估年份，例如 2023
  --format <格式>   table（默认，中文表格）| json（评估结果，供脚本使用）
  -h, --help        显示本帮助`;

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "在终端显示规划指标的评估结论",
  help,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, {
        plan: { type: "string" },
        year: { type: "string" },
        format: { type: "string" },
      });
      if (args.help) return void process.stdout.write(`${help}\n`);
      if (args.positionals.length > 0)
        return yield* Effect.fail(new UsageError({ message: `多余的参数 ${args.positionals[0]}` }));
      const ref = yield* required(args.values.plan, "--plan <规划>");
      const year = yield* yearOption(args.values.year);
      const format = yield* oneOf(args.values.format, ["table", "json"] as const, "--format", "table");
      // The report model the API builds for the 年度监测报告: verdicts as the admin app shows them.
      const report = yield* withApi(({ api }) =>
        Effect.gen(function* () {
          const plan = yield* resolvePlan(api, ref);
          return yield* call("评估", () => api.reports.model({ planId: plan.id, year, kind: "annual" }));
        }),
      );
      if (format === "json") {
        const out = {
          plan: report.plan,
          jurisdiction: report.jurisdiction,
          year,
          counts: report.counts,
          indicators: report.indicators.map((r) => ({
            id: r.id,
            name: r.name,
            attribute: r.attribute,
            actual: r.actual.value ?? r.actual.text,
            target: r.target.text,
            verdict: r.verdict,
            verdictLabel: verdictLabels[r.verdict],
            breach: r.breach,
            explanation: r.reason,
          })),
        };
        return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      }
      const rows = report.indicators.map((r, i) => [
        String(i + 1),
        r.breach ? `！${r.name}` : r.name,
        r.attributeLabel,
        r.baseline.text,
        r.actual.text,
        r.target.text,
        verdictLabels[r.verdict],
        r.reason,
      ]);
      process.stdout.write(`${report.plan.title}　${year}年评估结论（${report.jurisdiction.name}）\n\n`);
      process.stdout.write(
        `${formatTable(["序号", "指标", "属性", "基期值", `${year}年实际值`, "目标值", "结论", "说明"], rows, [4, 30, 6, 12, 12, 16, 10, 60])}\n\n`,
      );
      process.stdout.write(`${report.narrative.overview[1]}\n`);
      if (report.counts.binding.breaches > 0) process.stdout.write("标“！”者为约束性指标未达标。\n");
    }),
};
