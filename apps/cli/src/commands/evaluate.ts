import { verdictLabels } from "@ybplan/domain/evaluation";
import { indicatorAttributeLabels } from "@ybplan/domain/indicator";
import { plainCellText } from "@ybplan/domain/text";
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
      // The admin's 监测总览 of the plan (evaluation.matrix): verdicts breaches first, cached per change.
      const { plan, jurisdiction, matrix, yearValues } = yield* withApi(({ api }) =>
        Effect.gen(function* () {
          const plan = yield* resolvePlan(api, ref);
          const [matrix, jurisdiction, observations] = yield* call("评估", () =>
            Promise.all([
              api.evaluation.matrix({ planId: plan.id, year }),
              api.jurisdictions.get({ code: plan.jurisdictionCode }),
              api.observations.list({ planId: plan.id, fromYear: year, toYear: year }),
            ]),
          );
          const yearValues = new Map(
            observations
              .filter((o) => o.subject === null)
              .map((o) => [o.indicatorId, o.value.kind === "number" ? o.value.value : o.value.text]),
          );
          return { plan, jurisdiction, matrix, yearValues };
        }),
      );
      const indicators = matrix.evaluations.map((e) => {
        // The year's value: what the verdict judged, except under 期间年均 / 期间累计 rules.
        const aggregated = e.inputs.assessment === "periodAverage" || e.inputs.assessment === "cumulative";
        const actual = aggregated
          ? (yearValues.get(e.indicatorId) ?? null)
          : (e.inputs.actual ?? e.inputs.actualText ?? yearValues.get(e.indicatorId) ?? null);
        return { e, actual };
      });
      const total = matrix.evaluations.length;
      if (format === "json") {
        const out = {
          plan,
          jurisdiction: { code: jurisdiction.code, name: jurisdiction.name },
          year,
          counts: { total, byVerdict: matrix.counts, binding: { breaches: matrix.breaches } },
          indicators: indicators.map(({ e, actual }) => ({
            id: e.indicatorId,
            name: e.name,
            attribute: e.attribute,
            actual,
            target: plainCellText(e.targetText),
            verdict: e.verdict,
            verdictLabel: verdictLabels[e.verdict],
            breach: e.breach,
            explanation: e.explanation,
          })),
        };
        return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      }
      const shown = (v: number | string | null, unit: string | null) =>
        v === null ? "—" : typeof v === "number" ? `${Number(v.toFixed(2))}${unit ?? ""}` : v;
      const rows = indicators.map(({ e, actual }, i) => [
        String(i + 1),
        e.breach ? `！${e.name}` : e.name,
        indicatorAttributeLabels[e.attribute],
        plainCellText(e.baselineText),
        shown(actual, e.unit),
        plainCellText(e.targetText),
        verdictLabels[e.verdict],
        e.explanation,
      ]);
      process.stdout.write(`${plan.title}　${year}年评估结论（${jurisdiction.name}）\n\n`);
      process.stdout.write(
        `${formatTable(["序号", "指标", "属性", "基期值", `${year}年实际值`, "目标值", "结论", "说明"], rows, [4, 30, 6, 12, 12, 16, 10, 60])}\n\n`,
      );
      const counted = (Object.keys(verdictLabels) as (keyof typeof verdictLabels)[])
        .filter((v) => matrix.counts[v] > 0)
        .map((v) => `${verdictLabels[v]}${matrix.counts[v]}项`);
      process.stdout.write(`主要指标${total}项：${counted.join("，")}。\n`);
      if (matrix.breaches > 0) process.stdout.write(`标“！”者为约束性指标未达标（${matrix.breaches}项）。\n`);
    }),
};
