import { z } from "zod";

/**
 * A target (or baseline) cell of a plan's indicator table, understood. Produced by
 * `parseTargetText`, turned back into canonical Chinese text by `renderTarget`, judged by the
 * evaluation engine. Every variant is plain JSON (stable, stored as is in the database).
 */

/** Unit of a number as written ("%", "亿元", "个", "类", "万人次", "个月", "元", ...). */
export const Unit = z
  .string()
  .min(1)
  .describe("Unit as written in the plan, normalised to simplified characters");

/** A number with its unit; `unit` is null when the cell gives none (the indicator's unit applies). */
export const Quantity = z.object({
  value: z.number().describe("The number, with full-width digits normalised"),
  unit: Unit.nullable(),
});
export type Quantity = z.infer<typeof Quantity>;

/**
 * Comparison operator of a threshold target.
 * `gte` — "≥97%", "95%以上", "不低于50%", "稳定在95%以上"; `gt` — ">95%", "超过";
 * `lte` — "≤27%", "不高于", "以下", "降至27%"; `lt` — "<", "低于".
 */
export const ThresholdOp = z.enum(["gt", "gte", "lt", "lte"]);
export type ThresholdOp = z.infer<typeof ThresholdOp>;

export const ThresholdTarget = z.object({
  kind: z.literal("threshold"),
  op: ThresholdOp,
  quantity: Quantity,
  /** "稳定在…以上"/"保持在…以上": the level must hold, not only be reached once. */
  sustain: z.boolean(),
});

/**
 * A level to reach: a bare number ("76.0", "100%"), "达到90%", "提高到70%" (with `from` when the
 * text gives the start: "从63%提高到70%"). Whether reaching means ≥ or ≤ follows the indicator's
 * direction; `directionHint` records what the verb implies ("提高到" higher, "降至" lower).
 */
export const LevelTarget = z.object({
  kind: z.literal("level"),
  quantity: Quantity,
  from: Quantity.nullable(),
  directionHint: z.enum(["higher", "lower"]).nullable(),
});

/**
 * A band around a centre: "75%左右", "稳定在80%左右". `halfWidth` is set only when the text
 * states it ("80%±1"); otherwise the evaluation setting applies and is shown in the verdict.
 */
export const BandTarget = z.object({
  kind: z.literal("band"),
  quantity: Quantity,
  halfWidth: z.number().positive().nullable(),
  sustain: z.boolean(),
});

/** "保持稳定": stay within a band around the baseline. */
export const MaintainTarget = z.object({
  kind: z.literal("maintain"),
  halfWidth: z.number().positive().nullable(),
});

/** Needs a person's judgement: "保持合理水平", "收入规模与经济规模更加适应". */
export const QualitativeTarget = z.object({
  kind: z.literal("qualitative"),
  statement: z.string().min(1),
});

/**
 * Institutional milestones, in order: "省级统筹" → ["省级统筹"];
 * "巩固市级统筹适时推进省级统筹" → ["巩固市级统筹", "适时推进省级统筹"].
 */
export const MilestoneTarget = z.object({
  kind: z.literal("milestone"),
  steps: z.array(z.string().min(1)).min(1),
});

/** "—", "-", "/": no value for this cell. */
export const NotApplicable = z.object({ kind: z.literal("notApplicable") });

/** The parser could not read the text; `reason` says why (never an exception). */
export const Unrecognised = z.object({
  kind: z.literal("unrecognised"),
  reason: z.string().min(1),
});

/** A simple (non-compound) target. */
export const SimpleTarget = z.discriminatedUnion("kind", [
  ThresholdTarget,
  LevelTarget,
  BandTarget,
  MaintainTarget,
  QualitativeTarget,
  MilestoneTarget,
  NotApplicable,
  Unrecognised,
]);
export type SimpleTarget = z.infer<typeof SimpleTarget>;

/** One cell holding targets for several subjects: "藥品達到90%、高值醫用耗材達到80%". */
export const CompoundTarget = z.object({
  kind: z.literal("compound"),
  parts: z.array(z.object({ subject: z.string().min(1), target: SimpleTarget })).min(2),
});

export const TargetExpression = z.discriminatedUnion("kind", [
  ThresholdTarget,
  LevelTarget,
  BandTarget,
  MaintainTarget,
  QualitativeTarget,
  MilestoneTarget,
  NotApplicable,
  Unrecognised,
  CompoundTarget,
]);
export type TargetExpression = z.infer<typeof TargetExpression>;
export type TargetKind = TargetExpression["kind"];

/**
 * A table cell as imported: the original text beside what it means. Footnote markers
 * ("①", "^②", "<sup>③</sup>") are lifted out of the text into `footnoteMarks`.
 */
export const ParsedCell = z.object({
  /** The cell exactly as the document gives it. */
  text: z.string(),
  /** Typed meaning of the text. */
  expression: TargetExpression,
  /** Footnote markers found in the cell, normalised to circled digits ("①"). */
  footnoteMarks: z.array(z.string()),
});
export type ParsedCell = z.infer<typeof ParsedCell>;
