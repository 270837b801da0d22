import type { Verdict } from "@ybplan/domain/evaluation";
import type {
  PlanReport,
  ReportSection,
  ReportTable,
  TrajectorySeries,
  WorkIndicatorRow,
} from "@ybplan/domain/report";
import { formatNumber, type WorkRow, workGrade } from "@ybplan/domain/report";

/**
 * The document every format prints: numbered sections of paragraphs, tables and figures, derived
 * once from the report model so docx, xlsx, html and md say exactly the same thing.
 */

export type Cell = string | number | null;

export interface LayoutRow {
  readonly cells: readonly Cell[];
  /** Colours the row's verdict cell (indicator tables). */
  readonly verdict?: Verdict;
  readonly breach?: boolean;
}

export interface LayoutTable {
  /** Stable key; xlsx sheet names derive from the section. */
  readonly key: string;
  /** "表1 主要指标完成情况" */
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly LayoutRow[];
  /** Index of the column holding the verdict label, if any. */
  readonly verdictColumn?: number;
  /** Relative column widths (sum irrelevant). */
  readonly widths?: readonly number[];
  /** Too wide for a portrait page: docx prints it in a landscape section. */
  readonly landscape?: boolean;
}

export interface LayoutFigure {
  readonly caption: string;
  readonly series: readonly TrajectorySeries[];
}

export type Block =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "subheading"; readonly text: string }
  | { readonly kind: "table"; readonly table: LayoutTable }
  | { readonly kind: "figure"; readonly figure: LayoutFigure };

export interface LayoutSection {
  readonly key: string;
  /** Without its number: "主要指标完成情况". */
  readonly title: string;
  /** "二、主要指标完成情况" */
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface ReportLayout {
  readonly title: string;
  /** 主送机关 line, ending with "：". */
  readonly recipient: string;
  /** 落款 and 成文日期 ("2024年1月15日"; blanks when undated). */
  readonly signature: { readonly bureau: string; readonly date: string };
  readonly sections: readonly LayoutSection[];
  /** Footer note on method. */
  readonly notes: readonly string[];
}

const chineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
const subNumerals = chineseNumerals.map((n) => `（${n}）`);

/** The indicator table's columns. */
export function indicatorColumns(report: PlanReport): string[] {
  return [
    "序号",
    "类别",
    "指标名称",
    "单位",
    "属性",
    `基期值（${report.plan.baselineYear}年）`,
    `${report.year}年实际值`,
    `目标值（${report.plan.periodEnd}年）`,
    "评估依据值",
    "差距",
    "评估结论",
  ];
}

/** The plan's own 序号 (its table position), not the report's breaches-first order. */
const planNumber = (r: { position: number }) => r.position;

function indicatorTable(report: PlanReport, caption: string): LayoutTable {
  return {
    key: "indicators",
    caption,
    columns: indicatorColumns(report),
    verdictColumn: 10,
    landscape: true,
    widths: [5, 10, 30, 7, 8, 11, 11, 14, 16, 11, 10],
    rows: report.indicators.map((r) => ({
      cells: [
        planNumber(r),
        r.category,
        r.breach ? `${r.name}（未达标）` : r.name,
        r.unit ?? "—",
        r.attributeLabel,
        r.baseline.text,
        r.actual.text,
        r.target.text,
        r.assessed.value === null ? "—" : `${r.assessed.label}${r.assessed.text}`,
        r.gap?.text ?? "—",
        r.verdictLabel,
      ],
      verdict: r.verdict,
      breach: r.breach,
    })),
  };
}

function actualsTable(report: PlanReport, caption: string): LayoutTable {
  return {
    key: "actuals",
    caption,
    columns: ["序号", "指标名称", ...report.years.map((y) => `${y}年`), "时序进度要求"],
    widths: [4, 22, ...report.years.map(() => 8), 10],
    landscape: true,
    rows: report.indicators.map((r) => ({
      cells: [
        planNumber(r),
        r.name,
        ...r.actuals.map((a) => a.text),
        r.expected === null ? "—" : `${formatNumber(r.expected)}${r.unit ?? ""}`,
      ],
    })),
  };
}

function reasonTable(report: PlanReport, caption: string): LayoutTable {
  return {
    key: "reasons",
    caption,
    columns: ["序号", "指标名称", "评估结论", "评估说明", "数据来源及说明"],
    verdictColumn: 2,
    widths: [5, 18, 9, 44, 20],
    landscape: true,
    rows: report.indicators.map((r) => ({
      cells: [
        planNumber(r),
        r.name,
        r.verdictLabel,
        [r.reason, r.remedy ? `${r.remedy}。` : ""].join(""),
        [r.source, r.note].filter(Boolean).join("；") || "—",
      ],
      verdict: r.verdict,
      breach: r.breach,
    })),
  };
}

/** The mid-term grades with the numbers behind them, in the plan's order. */
function reviewTable(report: PlanReport, caption: string): LayoutTable {
  return {
    key: "review",
    caption,
    columns: [
      "序号",
      "类别",
      "指标名称",
      "属性",
      `基期值（${report.plan.baselineYear}年）`,
      "评估依据值",
      "时序进度要求",
      `目标值（${report.plan.periodEnd}年）`,
      "差距",
      "评估等级",
    ],
    landscape: true,
    widths: [5, 10, 30, 8, 11, 16, 11, 14, 11, 10],
    rows: report.indicators.map((r) => ({
      cells: [
        planNumber(r),
        r.category,
        r.breach ? `${r.name}（未达标）` : r.name,
        r.attributeLabel,
        r.baseline.text,
        r.assessed.value === null ? "—" : `${r.assessed.label}${r.assessed.text}`,
        r.expected === null ? "—" : `${formatNumber(r.expected)}${r.unit ?? ""}`,
        r.target.text,
        r.gap?.text ?? "—",
        r.reviewGradeLabel,
      ],
      breach: r.breach,
    })),
  };
}

/**
 * 工作指标完成情况: the work indicators of key tasks or 专栏 items (not 主要指标), each judged by
 * the engine against the year's target — its own stage where the plan sets one.
 */
function workIndicatorTable(
  report: PlanReport,
  rows: readonly WorkIndicatorRow[],
  owner: string,
  caption: string,
): LayoutTable {
  return {
    key: "workIndicators",
    caption,
    columns: ["序号", owner, "指标名称", `${report.year}年目标`, `${report.year}年实际值`, "评估结论"],
    verdictColumn: 5,
    widths: [5, 24, 28, 16, 11, 10],
    rows: rows.map((w, i) => ({
      cells: [String(i + 1), w.owner, w.name, w.target, w.actual.text, w.verdictLabel],
      verdict: w.verdict,
      breach: w.breach,
    })),
  };
}

function sectionTable(t: ReportTable, key: string, caption: string): LayoutTable {
  return { key, caption, columns: t.columns, rows: t.rows.map((cells) => ({ cells })) };
}

/** Which charts a figure shows: breaches, then lagging, then binding, then the rest; at most `limit`. */
export function pickCharts(report: PlanReport, limit: number): TrajectorySeries[] {
  const rank = (s: TrajectorySeries) => {
    const row = report.indicators.find((r) => r.id === s.indicatorId);
    if (s.breach) return 0;
    if (row?.verdict === "behind" || row?.verdict === "missed") return 1;
    return row?.attribute === "binding" ? 2 : 3;
  };
  return [...report.charts].sort((a, b) => rank(a) - rank(b)).slice(0, limit);
}

export interface LayoutOptions {
  /** Trajectories shown in the figure (docx rasterises it; html shows every chart). */
  readonly figureCharts?: number | undefined;
}

/** Builds the layout of a report. */
export function layoutReport(report: PlanReport, options: LayoutOptions = {}): ReportLayout {
  let tableNo = 0;
  let figureNo = 0;
  const table = (build: (caption: string) => LayoutTable, name: string) => {
    tableNo++;
    return { kind: "table" as const, table: build(`表${tableNo}　${name}`) };
  };
  const sections: { key: string; title: string; blocks: Block[] }[] = [];
  const p = (text: string): Block => ({ kind: "paragraph", text });

  const charts = pickCharts(report, options.figureCharts ?? 6);
  const figure = (): Block[] => {
    if (charts.length === 0) return [];
    figureNo++;
    return [
      {
        kind: "figure",
        figure: { caption: `图${figureNo}　主要指标实际值与时序进度、目标值对比`, series: charts },
      },
    ];
  };
  const midTerm = report.midTerm;
  const grade = (w: WorkRow) => (midTerm ? (workGrade(w) ?? w.statusLabel) : w.statusLabel);
  const taskTable = () =>
    table(
      (caption) => ({
        key: "tasks",
        caption,
        columns: [
          "序号",
          "所属部分",
          "重点任务",
          "牵头单位",
          midTerm ? "评估等级" : "推进状态",
          `${report.year}年进展`,
        ],
        widths: [6, 16, 22, 10, 9, 19],
        // One running number: the outline's own (一、二、…) restarts in every part, which is
        // named on its first row only (as a merged cell reads on paper).
        rows: report.tasks.rows.map((t, i, all) => ({
          cells: [
            String(i + 1),
            i > 0 && all[i - 1]!.part === t.part ? "" : (t.part ?? "—"),
            `${t.number}${t.title}`,
            t.leadDepartment ?? "—",
            grade(t),
            t.progress ?? "—",
          ],
        })),
      }),
      "重点任务推进情况",
    );
  const projectRows: LayoutRow[] = report.projects.flatMap((pr) =>
    pr.items.map((it) => ({ cells: [pr.number, it.number, it.title, grade(it), it.progress ?? "—"] })),
  );
  const projectTable = () =>
    table(
      (caption) => ({
        key: "projects",
        caption,
        columns: ["专栏", "序号", "工程项目", midTerm ? "评估等级" : "推进状态", `${report.year}年进展`],
        widths: [7, 5, 30, 8, 30],
        rows: projectRows,
      }),
      "专栏工程项目进展",
    );

  const taskWork = report.workIndicators.filter((w) => w.ownerKind === "task");
  const itemWork = report.workIndicators.filter((w) => w.ownerKind === "projectItem");
  const taskWorkTable = (): Block[] =>
    taskWork.length > 0
      ? [table((c) => workIndicatorTable(report, taskWork, "重点任务", c), "重点任务工作指标完成情况")]
      : [];
  const itemWorkTable = (): Block[] =>
    itemWork.length > 0
      ? [table((c) => workIndicatorTable(report, itemWork, "专栏项目", c), "专栏工作指标完成情况")]
      : [];

  if (midTerm) {
    // The mid-term review's own chapters (national and provincial 十四五 mid-term reviews).
    sections.push({
      key: "overview",
      title: "总体进展和主要成效",
      blocks: [
        ...report.narrative.overview.map(p),
        { kind: "subheading", text: `${subNumerals[0]}主要成效` },
        ...midTerm.achievements.map(p),
        { kind: "subheading", text: `${subNumerals[1]}各领域指标进展` },
        ...report.narrative.categories.map((c) => p(c.text)),
      ],
    });
    sections.push({
      key: "review",
      title: "主要指标评估",
      blocks: [
        ...report.narrative.review.map(p),
        table((caption) => reviewTable(report, caption), "主要指标中期评估等级"),
        table((c) => actualsTable(report, c), "主要指标历年实际值"),
        ...figure(),
      ],
    });
    sections.push({
      key: "tasks",
      title: "重点任务和专栏工程评估",
      blocks: [
        ...midTerm.work.map(p),
        ...(report.tasks.rows.length > 0 ? [taskTable()] : []),
        ...taskWorkTable(),
        ...(projectRows.length > 0 ? [projectTable()] : []),
        ...itemWorkTable(),
      ],
    });
    sections.push({ key: "problems", title: "存在的问题及原因", blocks: midTerm.problems.map(p) });
    sections.push({ key: "measures", title: "后半程工作措施", blocks: midTerm.measures.map(p) });
    sections.push({ key: "adjustments", title: "指标调整建议", blocks: midTerm.adjustments.map(p) });
  } else {
    sections.push({ key: "overview", title: "总体情况", blocks: report.narrative.overview.map(p) });
    sections.push({
      key: "indicators",
      title: "主要指标完成情况",
      blocks: [
        { kind: "subheading", text: `${subNumerals[0]}约束性指标` },
        ...report.narrative.breaches.map(p),
        { kind: "subheading", text: `${subNumerals[1]}各项指标进展` },
        ...report.narrative.categories.map((c) => p(c.text)),
        table((c) => indicatorTable(report, c), "主要指标完成情况"),
        table((c) => actualsTable(report, c), "主要指标历年实际值"),
        table((c) => reasonTable(report, c), "评估说明"),
        ...figure(),
      ],
    });
    sections.push({
      key: "tasks",
      title: "重点任务推进情况",
      blocks: [
        ...report.narrative.tasks.map(p),
        ...(report.tasks.rows.length > 0 ? [taskTable()] : []),
        ...taskWorkTable(),
      ],
    });
    if (report.projects.length > 0) {
      sections.push({
        key: "projects",
        title: "专栏工程进展",
        blocks: [
          ...report.narrative.projects.map(p),
          ...(projectRows.length > 0 ? [projectTable()] : []),
          ...itemWorkTable(),
        ],
      });
    }
  }

  if (report.children.length > 0) {
    sections.push({
      key: "children",
      title: "下级规划实施情况",
      blocks: [
        ...report.narrative.children.map(p),
        table(
          (caption) => ({
            key: "children",
            caption,
            columns: [
              "行政区划代码",
              "地区",
              "指标数",
              "已达成",
              "进展顺利",
              "进度滞后",
              "未达成",
              "约束性未达标",
            ],
            widths: [10, 12, 6, 6, 6, 6, 6, 24],
            rows: report.children.map((c) => ({
              cells: [
                c.jurisdiction.code,
                c.jurisdiction.name,
                c.counts.total,
                c.counts.byVerdict.achieved,
                c.counts.byVerdict.onTrack,
                c.counts.byVerdict.behind,
                c.counts.byVerdict.missed,
                c.breaches.length === 0 ? "无" : c.breaches.join("、"),
              ],
              breach: c.breaches.length > 0,
            })),
          }),
          "下级规划主要指标评估汇总",
        ),
      ],
    });
  }

  for (const extra of [report.policy, report.procurement, report.credit]) {
    if (!extra) continue;
    sections.push({ key: extra.key, title: extra.title, blocks: extraBlocks(extra, table) });
  }

  return {
    title: report.title,
    recipient: `${report.recipient}：`,
    signature: { bureau: report.issuingBureau, date: chineseDate(report.issuedOn) },
    sections: sections.map((s, i) => ({ ...s, heading: `${chineseNumerals[i] ?? i + 1}、${s.title}` })),
    notes: [
      ...(report.dataNote ? [report.dataNote] : []),
      `评估方法：时序进度法。时序进度要求 = 基期值 +（目标值 − 基期值）×（评估年份 − ${report.plan.baselineYear}）÷（${report.plan.periodEnd} − ${report.plan.baselineYear}）。`,
      "约束性指标未达到目标或进度要求的，列为未达标情形并排在最前。",
    ],
  };
}

function extraBlocks(
  s: ReportSection,
  table: (build: (caption: string) => LayoutTable, name: string) => Block,
): Block[] {
  return [
    ...s.paragraphs.map((text): Block => ({ kind: "paragraph", text })),
    ...s.tables.map((t, i) => table((caption) => sectionTable(t, `${s.key}-${i + 1}`, caption), t.title)),
  ];
}

/** 成文日期 in Arabic numerals (GB/T 9704-2012 §7.3.5.1), blanks when the document is undated. */
function chineseDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return "　　　　年　　月　　日";
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
