import { verdictLabels } from "@ybplan/domain/evaluation";
import { indicatorAttributeLabels } from "@ybplan/domain/indicator";
import { plainCellText } from "@ybplan/domain/text";
import { Effect } from "effect";
import { oneOf, parse, required, yearOption } from "../args.ts";
import { type Api, call, withApi } from "../data/api.ts";
import { resolvePlan } from "../data/plans.ts";
import { type CliError, UsageError } from "../errors.ts";
import { formatTable } from "../terminal/table.ts";
import type { Command } from "./command.ts";

const help = `用法：ybplan evaluate --plan <规划> --year <年份> [--format table|json]

在终端列出规划主要指标的评估结论：约束性指标未达标的排在最前，其余按指标表顺序；
随后单列已确认的工作指标（重点任务、专栏项目的指标，不计入主要指标），数字与结论同年度监测报告的
“工作指标完成情况”表。

  --plan <规划>     规划 id、行政区划代码、地区名称或规划标题中的词
  --year <年份>     评估年份，例如 2023
  --format <格式>   table（默认，中文表格）| json（评估结果，供脚本使用；工作指标在 workIndicators）
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
      const { plan, jurisdiction, matrix, yearValues, work } = yield* withApi(({ api }) =>
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
          const work = yield* workIndicatorRows(api, matrix, year);
          return { plan, jurisdiction, matrix, yearValues, work };
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
          // Apart from `indicators` and never in `counts`: the report's 工作指标完成情况 rows.
          workIndicators: work.kind === "rows" ? work.rows : [],
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
      process.stdout.write(`\n${workSection(work, year)}\n`);
    }),
};

type ReportWorkRow = Awaited<ReturnType<Api["reports"]["workIndicators"]>>[number];

/** The plan's confirmed work indicators as the year's report tables them, or why there are none. */
type WorkIndicators =
  | { readonly kind: "rows"; readonly rows: readonly ReportWorkRow[] }
  | { readonly kind: "none" }
  | { readonly kind: "outsidePeriod"; readonly periodStart: number; readonly periodEnd: number };

/**
 * The report's own 工作指标完成情况 rows (reports.workIndicators: the row builder of the report
 * model over the plan's bundle and outline, without the rest of the report), so target, value and
 * verdict wording match it exactly. Asked only when the matrix shows work indicators.
 */
function workIndicatorRows(
  api: Api,
  matrix: Pick<Awaited<ReturnType<Api["evaluation"]["matrix"]>>, "work" | "plan">,
  year: number,
): Effect.Effect<WorkIndicators, CliError> {
  if (matrix.work.length === 0) return Effect.succeed({ kind: "none" });
  const { periodStart, periodEnd } = matrix.plan;
  // A report exists only for a year of the plan period.
  if (year < periodStart || year > periodEnd)
    return Effect.succeed({ kind: "outsidePeriod", periodStart, periodEnd });
  return Effect.map(
    call("评估工作指标", () => api.reports.workIndicators({ planId: matrix.plan.id, year })),
    (rows) => ({ kind: "rows", rows }),
  );
}

/** The 工作指标 section of the table output: a table, or one line saying why there is none. */
function workSection(work: WorkIndicators, year: number): string {
  if (work.kind === "none") return "未确认工作指标（可在管理端“工作指标”页确认）";
  if (work.kind === "outsidePeriod")
    return `工作指标：${year}年不在规划期（${work.periodStart}—${work.periodEnd}年）内，不作评估`;
  const rows = work.rows.map((w, i) => [
    String(i + 1),
    w.owner,
    w.breach ? `！${w.name}` : w.name,
    w.target,
    w.actual.text,
    w.verdictLabel,
    w.reason,
  ]);
  const table = formatTable(
    ["序号", "所属任务或专栏项目", "工作指标", `${year}年目标`, `${year}年实际值`, "结论", "说明"],
    rows,
    [4, 30, 0, 0, 0, 0, 60],
  );
  const breaches = work.rows.filter((w) => w.breach).length;
  const note = breaches > 0 ? `\n\n标“！”者为约束性工作指标未达标（${breaches}项）。` : "";
  return `工作指标（${work.rows.length}项，不计入主要指标）\n\n${table}${note}`;
}
