import type { Verdict } from "../evaluation/verdict.ts";
import { type WorkStatus, workStatusLabels } from "../task/schema.ts";
import type {
  ChildSummary,
  IndicatorRow,
  ProjectProgress,
  ReviewGrade,
  StatusCounts,
  VerdictCounts,
} from "./model.ts";
import { reportVerdictLabels as verdictLabels } from "./reading.ts";
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

/** Indicator prose grouped by the plan's categories, one paragraph each, in table order. */
export function categoryParagraphs(rows: readonly IndicatorRow[]): { category: string; text: string }[] {
  const groups = new Map<string, IndicatorRow[]>();
  for (const r of [...rows].sort((x, y) => x.position - y.position)) {
    const list = groups.get(r.category) ?? [];
    list.push(r);
    groups.set(r.category, list);
  }
  return [...groups].map(([category, list]) => ({
    category,
    text: `${category ? `${category}方面，` : ""}${list.map((r) => r.sentence.replace(/。$/, "")).join("；")}。`,
  }));
}

/** "已达成5项，进展顺利3项，…" over non-zero classes (at least one is always named). */
function countList<K extends string>(
  order: readonly K[],
  counts: Readonly<Record<K, number>>,
  label: (k: K) => string,
) {
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
  /** Mid-term: the counts in the review words, so the overview and the grade table agree. */
  readonly reviewCounts?: Readonly<Record<ReviewGrade, number>>;
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
  const tally =
    input.kind === "midTerm" && input.reviewCounts
      ? `规划确定的${counts.total}项主要指标中，${countList(reviewGradeOrder, input.reviewCounts, (g) => reviewGradeLabels[g])}。`
      : `规划确定的${counts.total}项主要指标中，${countList(verdictOrder, counts.byVerdict, (v) => verdictLabels[v])}。`;
  return [`${stage}${scope}`, `${tally}${bindingSummary(counts)}`];
}

/** What the binding indicators amount to; never "all met" while some have no data. */
export function bindingSummary(counts: VerdictCounts): string {
  const b = counts.binding;
  if (b.total === 0) return "规划未设置约束性指标。";
  const noData =
    b.noData.length > 0 ? `${b.noData.length}项暂无监测数据（${b.noData.join("、")}），尚不能作出判断` : "";
  if (b.breaches === 0 && b.noData.length === 0) return `${b.total}项约束性指标均未出现未达标情形。`;
  const parts = [
    ...(b.breaches > 0 ? [`${b.breaches}项未达到目标或进度要求`] : []),
    ...(noData ? [noData] : []),
  ];
  return `${b.total}项约束性指标中，${parts.join("，")}。`;
}

export function breachParagraphs(rows: readonly IndicatorRow[], counts: VerdictCounts): string[] {
  const breaches = rows.filter((r) => r.breach);
  const noData = counts.binding.noData;
  const missing =
    noData.length > 0 ? [`${noData.join("、")}为约束性指标，暂无监测数据，须补报数据后作出判断。`] : [];
  if (breaches.length === 0) {
    if (counts.binding.total === 0) return ["规划未设置约束性指标。"];
    return noData.length === 0 ? ["约束性指标均达到目标或进度要求。"] : [...missing];
  }
  const names = breaches.map((r) => r.name).join("、");
  return [
    `${names}为约束性指标，未达到目标或进度要求，列为重点督办事项。`,
    ...breaches.map(
      (r) => `${r.sentence}${r.remedy ?? ""}${r.remedy && !r.remedy.endsWith("。") ? "。" : ""}`,
    ),
    ...missing,
  ];
}

export function statusTally(counts: StatusCounts): string {
  const known = statusOrder
    .filter((k) => counts.byStatus[k] > 0)
    .map((k) => `${workStatusLabels[k]}${counts.byStatus[k]}项`);
  const all = [...known, ...(counts.unreported > 0 ? [`未填报进展${counts.unreported}项`] : [])];
  return all.length > 0 ? all.join("，") : "暂无";
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
  const out = [
    `对照时序进度，规划实施以来（${periodStart}—${year}年）${rows.length}项主要指标中，${tally}。`,
  ];
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
