import { z } from "zod";
import { Verdict } from "../evaluation/verdict.ts";
import type { IndicatorAttribute, IndicatorDirection } from "../indicator/schema.ts";
import type { Jurisdiction } from "../jurisdiction/schema.ts";
import type { WorkStatus } from "../task/schema.ts";
import type { MidTermReview } from "./midterm.ts";

/**
 * The report model: everything a yearly monitoring summary (年度监测报告) or a mid-term review
 * (中期评估报告) says, as plain typed data. Renderers (`@ybplan/reports`) only lay it out; every
 * number, label and sentence is decided here so all formats say the same thing.
 */

export type ReportKind = "annual" | "midTerm";

/** What the report needs from an evaluation (the engine's `Evaluation` satisfies it). */
export interface EvaluationLike {
  readonly verdict: Verdict;
  /** A 约束性 indicator that misses (or is behind) its target. */
  readonly breach: boolean;
  /** One formal Chinese sentence saying why. */
  readonly explanation: string;
  /** The numbers the verdict rests on; when given, the report prints the same line. */
  readonly inputs?: {
    readonly baselineValue: number | null;
    readonly expected: number | null;
    /** The value judged (the year's actual, or the average / sum under the plan's footnote rule). */
    readonly actual?: number | null;
    readonly yearsUsed?: readonly number[];
    readonly targetOp?: string | null;
    readonly targetValue?: number | null;
    readonly bandLow?: number | null;
    readonly bandHigh?: number | null;
    /** The engine's notes ("按2023年分年度目标判断"). */
    readonly notes?: readonly string[];
  };
}

/** The four words of the national mid-term review, plus two for indicators it cannot grade. */
export type ReviewGrade =
  | "aheadMet"
  | "faster"
  | "onPace"
  | "lagging"
  | "needsJudgement"
  | "insufficientData";

/** A cell: the text as printed, and the number behind it when there is one. */
export interface ValueCell {
  readonly text: string;
  readonly value: number | null;
}

/** One year's actual value of an indicator. */
export const YearValue = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  /** Formatted for print ("96.3%", "112个", or the observation's text); "—" when missing. */
  text: z.string(),
});
export type YearValue = z.infer<typeof YearValue>;

/** The one gap of an indicator: to the time-elapsed line or to the target, + ahead / − behind. */
export interface GapCell {
  /** Signed in the good direction (positive = better than required). */
  readonly value: number;
  /** "+0.3个百分点", "-4.02个百分点". */
  readonly text: string;
  readonly against: "line" | "target";
}

/** Change from the previous year, when both years have numbers. */
export interface YearChange {
  readonly from: number;
  readonly to: number;
  readonly delta: number;
  /** "+0.4个百分点", "-1.2亿元". */
  readonly text: string;
}

export interface IndicatorRow {
  readonly id: string;
  readonly position: number;
  readonly category: string;
  readonly name: string;
  readonly unit: string | null;
  readonly attribute: IndicatorAttribute;
  /** 约束性 / 预期性 */
  readonly attributeLabel: string;
  readonly direction: IndicatorDirection;
  readonly baseline: ValueCell & {
    /** Set when the plan states no baseline and the verdict rests on this year's recorded value. */
    readonly observedYear?: number;
  };
  readonly target: ValueCell;
  /** Actual values for every year from the baseline year to the report year. */
  readonly actuals: readonly YearValue[];
  /** The report year's actual. */
  readonly actual: YearValue;
  /** The value the verdict rests on ("2021—2023年均值" 96.35%, or the year's actual). */
  readonly assessed: { readonly value: number | null; readonly text: string; readonly label: string };
  /** The one gap printed for the indicator (sentence, tables, xlsx). */
  readonly gap: GapCell | null;
  /** How it was judged, when not the plain comparison ("按规划注释，以期间各年平均值判断"). */
  readonly method: string | null;
  /** A binding indicator moving backwards ("较基期…下降…，连续两年下降"). */
  readonly trend: string | null;
  /** 数据来源 and 备注 entered with the report year's value. */
  readonly source: string | null;
  readonly note: string | null;
  /** Causes and measures of a breach, or "原因及整改措施待填报"; null when not a breach. */
  readonly remedy: string | null;
  readonly change: YearChange | null;
  /** Value the time-elapsed line expects in the report year (时序进度), when computable. */
  readonly expected: number | null;
  readonly verdict: Verdict;
  readonly verdictLabel: string;
  readonly breach: boolean;
  /** The evaluation's explanation. */
  readonly reason: string;
  /** The indicator's own sentence ("基本医疗保险参保率2023年为97.3%，…，已达成。"). */
  readonly sentence: string;
  /** Mid-term review grade (set on every row; mid-term reports print it). */
  readonly reviewGrade: ReviewGrade;
  readonly reviewGradeLabel: string;
  readonly footnote: string | null;
}

export interface VerdictCounts {
  readonly total: number;
  readonly byVerdict: Readonly<Record<Verdict, number>>;
  readonly binding: {
    readonly total: number;
    readonly breaches: number;
    /** Binding indicators without data for the year (never counted as met). */
    readonly noData: readonly string[];
  };
  readonly expected: { readonly total: number; readonly missed: number };
}

export interface WorkRow {
  readonly number: string;
  readonly title: string;
  /** Outline level (1 chapter, 2 section, 3+ task); 专栏 items have level 0. */
  readonly level: number;
  readonly status: WorkStatus;
  readonly statusLabel: string;
  readonly leadDepartment: string | null;
  /** The progress note for the report year, else the latest earlier one. */
  readonly progress: string | null;
  /** Key tasks: the outline part above the task (its number and title), as numbering restarts per part. */
  readonly part?: string | null;
}

/**
 * A work indicator (工作指标) of a key task or 专栏 item in the report year: judged by the engine
 * against the target in force that year — its own staged target where the plan sets one.
 */
export const WorkIndicatorRow = z.object({
  id: z.string(),
  ownerKind: z.enum(["task", "projectItem"]),
  /** "专栏2（1）医保基金总额预算管理", "三（二）全面实行多元复合式医保支付". */
  owner: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  /** The year's target: its stage ("≥80%（2023年分年度目标）") or the plan's target. */
  target: z.string(),
  /** True when the year has its own staged target. */
  staged: z.boolean(),
  actual: YearValue,
  verdict: Verdict,
  verdictLabel: z.string(),
  breach: z.boolean(),
  /** The engine's reading in one clause ("2023年分年度目标为不低于80%，实际值81%…"). */
  reason: z.string(),
});
export type WorkIndicatorRow = z.infer<typeof WorkIndicatorRow>;

export interface StatusCounts {
  readonly total: number;
  /** By status, leaving out the items nobody has reported on. */
  readonly byStatus: Readonly<Record<WorkStatus, number>>;
  /** Items with no status or progress entered (未填报). */
  readonly unreported: number;
}

export interface TaskProgressSection {
  readonly counts: StatusCounts;
  /** The plan's key tasks (outline kind 重点任务, leaf nodes). */
  readonly rows: readonly WorkRow[];
}

export interface ProjectProgress {
  readonly number: string;
  readonly title: string;
  readonly counts: StatusCounts;
  readonly items: readonly WorkRow[];
}

/** A table any renderer can print. */
export interface ReportTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/**
 * An extra section (procurement, credit, …). Renderers print `paragraphs` then `tables`; the
 * helpers that own the data extend this with their typed fields.
 */
export interface ReportSection {
  readonly key: string;
  /** Heading, e.g. "药品和医用耗材集中带量采购". */
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly ReportTable[];
}

/** Slot filled by the procurement helper (issue 7). */
export interface ProcurementSection extends ReportSection {
  readonly key: "procurement";
}

/** 待遇政策调整: parameters changed by document in the report's window. */
export interface PolicySection extends ReportSection {
  readonly key: "policy";
}

/** Slot filled by the credit helper (issue 8). */
export interface CreditSection extends ReportSection {
  readonly key: "credit";
}

/** A city's or county's line in a provincial (or city) report. */
export interface ChildSummary {
  readonly jurisdiction: Jurisdiction;
  readonly planTitle: string;
  readonly counts: VerdictCounts;
  /** Names of the 约束性 indicators in breach. */
  readonly breaches: readonly string[];
}

/** Data of one trajectory chart: actuals against the time-elapsed line and the target. */
export interface TrajectorySeries {
  readonly indicatorId: string;
  readonly name: string;
  readonly unit: string | null;
  readonly years: readonly number[];
  readonly actual: readonly (number | null)[];
  /** Time-elapsed line from baseline to target (null where not computable). */
  readonly expected: readonly (number | null)[];
  readonly target: number | null;
  readonly breach: boolean;
}

export interface ReportNarrative {
  /** Opening paragraphs: what is reported, overall counts. */
  readonly overview: readonly string[];
  /** One sentence per indicator, in report order. */
  readonly indicators: readonly string[];
  /** The indicator prose grouped by the plan's categories (参保覆盖, 基金安全, …). */
  readonly categories: readonly { readonly category: string; readonly text: string }[];
  /** Breaches and what follows. */
  readonly breaches: readonly string[];
  readonly tasks: readonly string[];
  readonly projects: readonly string[];
  /** Mid-term only: the grades in the review vocabulary. */
  readonly review: readonly string[];
  readonly children: readonly string[];
}

export interface PlanReport {
  readonly kind: ReportKind;
  readonly year: number;
  /** Years whose actuals are listed (baseline year … report year). */
  readonly years: readonly number[];
  /** Years the assessment covers (annual: the report year; mid-term: period start … year). */
  readonly coveredYears: readonly number[];
  /** "黄石市医疗保障事业发展“十四五”规划2023年度实施情况监测报告" */
  readonly title: string;
  readonly plan: {
    readonly id: string;
    readonly title: string;
    readonly issuer: string | null;
    readonly documentNumber: string | null;
    readonly periodStart: number;
    readonly periodEnd: number;
    readonly baselineYear: number;
  };
  readonly jurisdiction: Jurisdiction;
  /** 全省 / 全市 / 全县 (全区, 全旗 by name). */
  readonly scopeWord: string;
  /** 主送机关, e.g. "湖北省医疗保障局，黄石市人民政府". */
  readonly recipient: string;
  /** 落款: the issuing bureau. */
  readonly issuingBureau: string;
  /** 成文日期 (ISO date), or null when the document is not dated yet. */
  readonly issuedOn: string | null;
  /** Said when the year's data is not yet approved in the reporting cycle. */
  readonly dataNote: string | null;
  /** Breaches first, then by table position. */
  readonly indicators: readonly IndicatorRow[];
  readonly counts: VerdictCounts;
  readonly reviewCounts: Readonly<Record<ReviewGrade, number>>;
  readonly tasks: TaskProgressSection;
  readonly projects: readonly ProjectProgress[];
  /** Work indicators of key tasks and 专栏 items (never among `indicators` or `counts`). */
  readonly workIndicators: readonly WorkIndicatorRow[];
  readonly charts: readonly TrajectorySeries[];
  readonly children: readonly ChildSummary[];
  readonly procurement: ProcurementSection | null;
  readonly credit: CreditSection | null;
  /** Null when no policy parameter changed in the window. */
  readonly policy: PolicySection | null;
  readonly narrative: ReportNarrative;
  /** Mid-term only: the review's own chapters. */
  readonly midTerm: MidTermReview | null;
}
