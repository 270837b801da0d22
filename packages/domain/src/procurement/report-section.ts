import type { ProcurementSection, ReportTable } from "../report/model.ts";
import type { ParsedCell } from "../target/expression.ts";
import { prepareCellText } from "../target/parse.ts";
import { type BatchContribution, countVarieties, type ProcurementIndex, yearEnd } from "./count.ts";
import type { DerivedProcurementValue, ManualValueCheck } from "./derive.ts";
import {
  batchLevelLabels,
  type ProcurementCategory,
  procurementCategoryLabels,
  procurementCategoryUnits,
} from "./schema.ts";

/**
 * The procurement section of the yearly report (the `procurement` slot of `buildPlanReport`):
 * the de-duplicated cumulative counts against the plan targets, the batches that took effect in
 * the year, estimate notes and manual values that disagree with the records. Pure.
 */

/** A plan indicator that sets a procurement target (its target cell as imported). */
export interface ProcurementTargetInput {
  readonly category: ProcurementCategory;
  readonly indicatorName: string;
  readonly target: ParsedCell;
}

export interface ProcurementSectionInput {
  readonly index: ProcurementIndex;
  readonly jurisdictionCode: string;
  readonly year: number;
  readonly baselineYear: number;
  readonly targets: readonly ProcurementTargetInput[];
  /** Checks of manual values against derived ones (from `withDerivedObservations`). */
  readonly checks?: readonly {
    readonly derived: DerivedProcurementValue;
    readonly check: ManualValueCheck;
  }[];
}

const reported: readonly ProcurementCategory[] = ["drug", "highValueConsumable"];
const what: Record<ProcurementCategory, string> = {
  drug: "药品集中带量采购品种",
  highValueConsumable: "高值医用耗材集中带量采购类别",
  otherConsumable: "其他医用耗材集中带量采购类别",
};

/** Threshold of a target cell: ">500" → { op: gt, value: 500 }; a level counts as ≥. */
function thresholdOf(cell: ParsedCell): { op: "gt" | "gte" | "lt" | "lte"; value: number } | null {
  const e = cell.expression;
  if (e.kind === "threshold") return { op: e.op, value: e.quantity.value };
  if (e.kind === "level") return { op: "gte", value: e.quantity.value };
  return null;
}

/** How far a count is from a lower-bound target ("尚差N个"), or null when it is met. Counts are whole. */
function shortfall(value: number, t: { op: "gt" | "gte" | "lt" | "lte"; value: number }): number | null {
  if (t.op === "gt") return value > t.value ? null : Math.floor(t.value) + 1 - value;
  if (t.op === "gte") return value >= t.value ? null : Math.ceil(t.value) - value;
  return null;
}

export function buildProcurementSection(input: ProcurementSectionInput): ProcurementSection {
  const { index, jurisdictionCode, year, baselineYear } = input;
  const paragraphs: string[] = [];
  const counts = new Map(
    reported.map((c) => [c, countVarieties(index, jurisdictionCode, c, yearEnd(year))] as const),
  );
  let estimated = false;

  for (const category of reported) {
    const now = counts.get(category)!;
    const target = input.targets.find((t) => t.category === category);
    if (now.value === 0 && target === undefined) continue;
    estimated ||= now.estimated;
    const unit = procurementCategoryUnits[category];
    const base = countVarieties(index, jurisdictionCode, category, yearEnd(baselineYear)).value;
    let text = `截至${year}年12月31日，本地区累计落实国家和省级${what[category]}${now.value}${unit}`;
    text +=
      year > baselineYear ? `，较${baselineYear}年末的${base}${unit}增加${now.value - base}${unit}` : "";
    if (target !== undefined) {
      const t = thresholdOf(target.target);
      text += `；规划目标为“${prepareCellText(target.target.text).text}”（${target.indicatorName}）`;
      if (t !== null) {
        const gap = shortfall(now.value, t);
        text += gap === null ? "，已达到目标" : `，尚差${gap}${unit}`;
      }
    }
    paragraphs.push(`${text}。`);
  }

  const inYear = reported.flatMap((c) =>
    counts
      .get(c)!
      .contributions.filter((x) => x.startDate.startsWith(String(year)))
      .map((x) => ({ c, x })),
  );
  if (inYear.length > 0) {
    const list = inYear
      .map(
        ({ c, x }) =>
          `${x.batchName}（${batchLevelLabels[x.level]}，${x.startDate}起执行，新增${x.added}${procurementCategoryUnits[c]}）`,
      )
      .join("、");
    let text = `${year}年新执行批次${inYear.length}个：${list}`;
    const savings = inYear
      .map(({ x }) => x.implementation.savingsWanYuan)
      .filter((s): s is number => s !== null);
    if (savings.length > 0) text += `；已填报节约金额合计${round2(savings.reduce((a, b) => a + b, 0))}万元`;
    paragraphs.push(`${text}。`);
  } else {
    paragraphs.push(`${year}年无新执行的集中带量采购批次。`);
  }
  if (estimated) {
    paragraphs.push(
      "部分国家组织批次仅有公布的品种数量、未列明品种，按数量计入，无法与其他批次去重，相关累计数为估算。",
    );
  }
  const disagreements = (input.checks ?? []).flatMap((c) =>
    c.check.status === "disagrees" ? [c.check.message] : [],
  );
  if (disagreements.length > 0) paragraphs.push(`填报核对：${disagreements.join("；")}。`);

  const tables: ReportTable[] = [
    {
      title: "集中带量采购累计数量",
      columns: [
        "年份",
        ...reported.map((c) => `${procurementCategoryLabels[c]}（${procurementCategoryUnits[c]}）`),
      ],
      rows: range(baselineYear, year).map((y) => [
        `${y}年`,
        ...reported.map((c) => countVarieties(index, jurisdictionCode, c, yearEnd(y)).value),
      ]),
    },
  ];
  if (inYear.length > 0) {
    tables.push({
      title: `${year}年新执行的集中带量采购批次`,
      columns: [
        "批次",
        "层级",
        "类别",
        "执行日期",
        "新增数量",
        "约定采购量",
        "完成率（%）",
        "节约金额（万元）",
      ],
      rows: inYear.map(({ c, x }) => row(c, x)),
    });
  }
  return { key: "procurement", title: "药品和医用耗材集中带量采购", paragraphs, tables };
}

function row(c: ProcurementCategory, x: BatchContribution): (string | number | null)[] {
  return [
    x.batchName,
    batchLevelLabels[x.level],
    procurementCategoryLabels[c],
    x.startDate,
    x.added,
    x.implementation.agreedVolume,
    x.implementation.completionRatePct,
    x.implementation.savingsWanYuan,
  ];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
