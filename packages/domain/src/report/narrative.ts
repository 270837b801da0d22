import { type Verdict, verdictLabels } from "../evaluation/verdict.ts";
import { workStatusLabels, type WorkStatus } from "../task/schema.ts";
import { formatDifference, formatQuantity } from "./format.ts";
import type {
  ChildSummary,
  IndicatorRow,
  ProjectProgress,
  ReviewGrade,
  StatusCounts,
  VerdictCounts,
} from "./model.ts";
import { reviewGradeLabels, reviewGradeOrder } from "./review.ts";

/** Formal Chinese sentences written from the report's data. */

export const verdictOrder: readonly Verdict[] = [
  "achieved",
  "onTrack",
  "behind",
  "missed",
  "needsJudgement",
  "insufficientData",
];

const statusOrder: readonly WorkStatus[] = ["completed", "inProgress", "delayed", "notStarted", "cancelled"];

export interface SentenceInputs {
  readonly year: number;
  readonly scopeWord: string;
  readonly name: string;
  readonly unit: string | null;
  readonly attributeLabel: string;
  readonly actualValue: number | null;
  readonly actualText: string;
  readonly hasActual: boolean;
  /** The number the target names, for threshold and level targets. */
  readonly targetValue: number | null;
  /** Band and maintain targets: compare with the band, not a line. */
  readonly targetKind: string;
  readonly targetText: string;
  readonly verdict: Verdict;
  readonly breach: boolean;
  readonly expected: number | null;
}

/**
 * One indicator's sentence, e.g.
 * "截至2023年底，全市基本医疗保险参保率为96.3%，高于约束性目标0.3个百分点，已达成。"
 */
export function indicatorSentence(s: SentenceInputs): string {
  const head = `截至${s.year}年底，${s.scopeWord}${s.name}`;
  if (!s.hasActual) return `${head}尚无${s.year}年监测数据，${verdictLabels.insufficientData}。`;
  const value = s.actualValue !== null ? formatQuantity(s.actualValue, s.unit) : `“${s.actualText}”`;
  const parts = [`${head}为${value}`];
  if (s.actualValue !== null && s.targetValue !== null && (s.targetKind === "threshold" || s.targetKind === "level")) {
    const delta = s.actualValue - s.targetValue;
    if (Math.abs(delta) < 0.005) parts.push(`与${s.attributeLabel}目标持平`);
    else parts.push(`${delta > 0 ? "高于" : "低于"}${s.attributeLabel}目标${formatDifference(delta, s.unit)}`);
  } else if (s.targetKind === "band" || s.targetKind === "maintain") {
    parts.push(`${s.attributeLabel}目标为“${s.targetText}”`);
  }
  parts.push(verdictPhrase(s));
  return `${parts.join("，")}。`;
}

function verdictPhrase(s: SentenceInputs): string {
  const line = s.expected !== null ? `（时序进度要求${formatQuantity(s.expected, s.unit)}）` : "";
  switch (s.verdict) {
    case "achieved":
      return verdictLabels.achieved;
    case "onTrack":
      return s.expected !== null
        ? `达到时序进度要求${line}，${verdictLabels.onTrack}`
        : verdictLabels.onTrack;
    case "behind":
      return s.expected !== null
        ? `落后于时序进度${line}，${verdictLabels.behind}`
        : verdictLabels.behind;
    case "missed":
      return s.breach ? `${verdictLabels.missed}，属约束性指标未达标` : verdictLabels.missed;
    case "needsJudgement":
      return verdictLabels.needsJudgement;
    case "insufficientData":
      return verdictLabels.insufficientData;
  }
}

/** "已达成5项，进展顺利3项，…" over non-zero classes (at least one is always named). */
function countList<K extends string>(order: readonly K[], counts: Readonly<Record<K, number>>, label: (k: K) => string) {
  const parts = order.filter((k) => counts[k] > 0).map((k) => `${label(k)}${counts[k]}项`);
  return parts.length > 0 ? parts.join("，") : "暂无";
}

export function overviewParagraphs(input: {
  readonly kind: "annual" | "midTerm";
  readonly planTitle: string;
  readonly scopeWord: string;
  readonly year: number;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly counts: VerdictCounts;
}): string[] {
  const { counts } = input;
  const nth = input.year - input.periodStart + 1;
  const stage =
    input.year >= input.periodStart && input.year <= input.periodEnd
      ? `${input.year}年是规划实施的第${nth}年。`
      : "";
  const scope =
    input.kind === "midTerm"
      ? `本报告依据《${input.planTitle}》，对规划实施以来（${input.periodStart}—${input.year}年）${input.scopeWord}主要指标、重点任务和专栏工程的进展情况进行中期评估。`
      : `本报告依据《${input.planTitle}》，对${input.scopeWord}主要指标、重点任务和专栏工程截至${input.year}年底的实施情况进行年度监测。`;
  const tally = `规划确定的${counts.total}项主要指标中，${countList(verdictOrder, counts.byVerdict, (v) => verdictLabels[v])}。`;
  const binding =
    counts.binding.total === 0
      ? "规划未设置约束性指标。"
      : counts.binding.breaches === 0
        ? `${counts.binding.total}项约束性指标均未出现未达标情形。`
        : `${counts.binding.total}项约束性指标中，${counts.binding.breaches}项未达到目标或进度要求。`;
  return [`${stage}${scope}`, `${tally}${binding}`];
}

export function breachParagraphs(rows: readonly IndicatorRow[]): string[] {
  const breaches = rows.filter((r) => r.breach);
  if (breaches.length === 0) return ["约束性指标均达到目标或进度要求。"];
  const names = breaches.map((r) => r.name).join("、");
  return [
    `${names}为约束性指标，未达到目标或进度要求，应作为重点督办事项，逐项分析原因并提出整改措施。`,
    ...breaches.map((r) => r.reason).filter((s) => s.length > 0),
  ];
}

export function statusTally(counts: StatusCounts): string {
  return countList(statusOrder, counts.byStatus, (s) => workStatusLabels[s]);
}

export function taskParagraphs(counts: StatusCounts): string[] {
  if (counts.total === 0) return ["规划未列出可跟踪的重点任务。"];
  return [`规划部署的${counts.total}项重点任务中，${statusTally(counts)}。`];
}

export function projectParagraphs(projects: readonly ProjectProgress[]): string[] {
  if (projects.length === 0) return [];
  const items = projects.reduce((n, p) => n + p.counts.total, 0);
  const done = projects.reduce((n, p) => n + p.counts.byStatus.completed, 0);
  return [
    `规划设置${projects.length}个专栏，共${items}项工程项目，已完成${done}项。`,
    ...projects
      .filter((p) => p.counts.total > 0)
      .map((p) => `${p.number}“${p.title}”${p.counts.total}项中，${statusTally(p.counts)}。`),
  ];
}

export function reviewParagraphs(
  rows: readonly IndicatorRow[],
  counts: Readonly<Record<ReviewGrade, number>>,
  periodStart: number,
  year: number,
): string[] {
  const tally = countList(reviewGradeOrder, counts, (g) => reviewGradeLabels[g]);
  const out = [`对照时序进度，规划实施以来（${periodStart}—${year}年）${rows.length}项主要指标中，${tally}。`];
  const lagging = rows.filter((r) => r.reviewGrade === "lagging");
  const bindingLagging = lagging.filter((r) => r.attribute === "binding");
  if (bindingLagging.length > 0)
    out.push(`滞后的约束性指标：${bindingLagging.map((r) => r.name).join("、")}，须在规划后半程加快推进。`);
  const expectedLagging = lagging.filter((r) => r.attribute !== "binding");
  if (expectedLagging.length > 0)
    out.push(`滞后的预期性指标：${expectedLagging.map((r) => r.name).join("、")}。`);
  return out;
}

export function childParagraphs(scopeWord: string, children: readonly ChildSummary[]): string[] {
  if (children.length === 0) return [];
  const withBreach = children.filter((c) => c.breaches.length > 0);
  const head = `${scopeWord}纳入汇总的下级规划${children.length}个`;
  if (withBreach.length === 0) return [`${head}，均未出现约束性指标未达标情形。`];
  const list = withBreach.map((c) => `${c.jurisdiction.name}（${c.breaches.length}项）`).join("、");
  return [`${head}，其中${withBreach.length}个存在约束性指标未达标情形：${list}。`];
}
