import { formatDifference, formatQuantity } from "./format.ts";
import type { IndicatorRow, ProjectProgress, TaskProgressSection, WorkRow } from "./model.ts";
import { reviewGradeLabels } from "./review.ts";

/**
 * The mid-term review's own chapters (after the national and provincial 十四五 mid-term reviews):
 * achievements, key tasks and 专栏 graded in the review words, problems and their causes, the
 * second half's measures and the proposals to adjust indicators — each sentence computed from the
 * evaluated rows, nothing invented.
 */
export interface MidTermReview {
  readonly achievements: readonly string[];
  /** Key tasks and 专栏 items in the review words. */
  readonly work: readonly string[];
  readonly problems: readonly string[];
  readonly measures: readonly string[];
  readonly adjustments: readonly string[];
}

/** A task's or item's standing in the review words; null when nobody reported on it. */
export function workGrade(w: WorkRow): string | null {
  if (w.statusLabel === "未填报") return null;
  switch (w.status) {
    case "completed":
      return reviewGradeLabels.aheadMet;
    case "inProgress":
      return reviewGradeLabels.onPace;
    case "delayed":
    case "notStarted":
      return reviewGradeLabels.lagging;
    case "cancelled":
      return "已取消";
  }
}

function gradeTally(rows: readonly WorkRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const g = workGrade(r) ?? "未填报进展";
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const order = [
    reviewGradeLabels.aheadMet,
    reviewGradeLabels.onPace,
    reviewGradeLabels.lagging,
    "已取消",
    "未填报进展",
  ];
  return (
    order
      .filter((g) => counts.has(g))
      .map((g) => `${g}${counts.get(g)}项`)
      .join("，") || "暂无"
  );
}

const names = (rows: readonly IndicatorRow[]) => rows.map((r) => r.name).join("、");

export function midTermReview(input: {
  readonly rows: readonly IndicatorRow[];
  readonly tasks: TaskProgressSection;
  readonly projects: readonly ProjectProgress[];
  readonly year: number;
  readonly baselineYear: number;
  readonly periodEnd: number;
}): MidTermReview {
  const { rows, year, periodEnd, baselineYear } = input;
  const byPosition = [...rows].sort((a, b) => a.position - b.position);
  const met = byPosition.filter((r) => r.reviewGrade === "aheadMet");
  const faster = byPosition.filter((r) => r.reviewGrade === "faster");
  const lagging = [...byPosition.filter((r) => r.reviewGrade === "lagging")].sort(
    (a, b) => Number(b.attribute === "binding") - Number(a.attribute === "binding"),
  );
  const noData = byPosition.filter((r) => r.verdict === "insufficientData");
  const judged = byPosition.filter((r) => r.verdict === "needsJudgement");

  const achievements = [
    ...(met.length > 0 ? [`${met.length}项指标已提前实现规划目标：${names(met)}。`] : []),
    ...(faster.length > 0 ? [`${faster.length}项指标进度快于预期：${names(faster)}。`] : []),
  ];
  if (achievements.length === 0) achievements.push("截至目前，尚无指标提前实现或快于预期。");

  const taskRows = input.tasks.rows;
  const items = input.projects.flatMap((p) => p.items);
  const work = [
    taskRows.length > 0
      ? `规划部署的${taskRows.length}项重点任务中，${gradeTally(taskRows)}。`
      : "规划未列出可跟踪的重点任务。",
    ...(items.length > 0
      ? [`${input.projects.length}个专栏共${items.length}项工程项目中，${gradeTally(items)}。`]
      : []),
  ];

  const problems: string[] = lagging.map(
    (r) => `${r.attributeLabel}指标${r.sentence}${r.remedy ? `${r.remedy}。` : "原因待填报。"}`,
  );
  const laggingTasks = taskRows.filter((t) => workGrade(t) === reviewGradeLabels.lagging);
  if (laggingTasks.length > 0)
    problems.push(
      `重点任务中${laggingTasks.length}项推进滞后：${laggingTasks.map((t) => t.title).join("、")}。`,
    );
  if (noData.length > 0)
    problems.push(`${noData.length}项指标缺少${year}年监测数据（${names(noData)}），无法作出评估。`);
  if (problems.length === 0) problems.push("对照时序进度，主要指标和重点任务未发现滞后情形。");

  const left = periodEnd - year;
  const measures: string[] = [];
  for (const r of lagging) {
    if (r.assessed.value === null || r.target.value === null || left <= 0) {
      measures.push(`${r.name}：后半程整改措施待填报。`);
      continue;
    }
    const remaining = r.target.value - r.assessed.value;
    const perYear = remaining / left;
    measures.push(
      `${r.name}：距${periodEnd}年目标（${r.target.text}）尚差${formatDifference(remaining, r.unit)}，` +
        `后${left}年须年均${perYear >= 0 ? "提高" : "降低"}${formatDifference(perYear, r.unit)}；${r.remedy ?? "整改措施待填报"}。`,
    );
  }
  if (noData.length > 0) measures.push(`建立${names(noData)}的数据报送机制，按年度填报监测数据。`);
  if (measures.length === 0) measures.push("后半程按规划确定的目标和任务有序推进。");

  const adjustments = [
    ...met.map(
      (r) =>
        `${r.name}已于${year}年达到规划目标（现行目标${r.target.text}，${r.assessed.label}${r.assessed.text}），建议研究是否提高目标值。`,
    ),
    ...[...noData, ...judged]
      .filter((r) => r.baseline.value === null)
      .map((r) => `${r.name}未设基期值（现行目标${r.target.text}），建议明确统计口径并补充基期值。`),
    ...lagging
      .filter(
        (r) => r.assessed.value !== null && r.target.value !== null && r.baseline.value !== null && left > 0,
      )
      .filter((r) => {
        // Needs more than twice the yearly change achieved so far.
        const done = (r.assessed.value! - r.baseline.value!) / Math.max(1, year - baselineYear);
        const need = (r.target.value! - r.assessed.value!) / left;
        return Math.abs(need) > 2 * Math.abs(done) && Math.sign(need) !== 0;
      })
      .map(
        (r) =>
          `${r.name}按目前进度难以实现（现行目标${r.target.text}，${r.assessed.label}${formatQuantity(r.assessed.value!, r.unit)}），建议结合实际研判是否调整目标。`,
      ),
  ];
  if (adjustments.length === 0) adjustments.push("现行指标和目标值总体适宜，暂不提出调整建议。");
  return { achievements, work, problems, measures, adjustments };
}
