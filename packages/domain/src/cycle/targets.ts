import { Data, Result } from "effect";
import { z } from "zod";
import { ParsedCell } from "../target/expression.ts";

/**
 * How long a target entry applies: `from` its year on (中期调整, the default), or for its `year`
 * only — a staged yearly target the plan itself sets ("每年进度分别不低于70%、80%、90%"), due in
 * that year.
 */
export const TargetScope = z.enum(["from", "year"]);
export type TargetScope = z.infer<typeof TargetScope>;

/**
 * Target revisions (中期调整): a plan's target may be revised from a given year on, with the
 * reason and the basis document. Each year is judged against the target in force that year, so
 * verdicts of earlier years never change. A staged yearly target is the same kind of entry with
 * scope `year`: the target in force in its year and in no other.
 */
export const TargetRevision = z.object({
  /** First year the revised target applies to (the only one, for scope `year`). */
  effectiveYear: z.number().int(),
  /** Absent: `from`. */
  scope: TargetScope.optional(),
  /** The revised target cell (parsed by the domain parser). */
  target: ParsedCell,
  reason: z.string().min(1),
  /** The document the revision rests on (文件名、文号). */
  basis: z.string().min(1),
});
export type TargetRevision = z.infer<typeof TargetRevision>;

/** What the engine reads of a revision or staged target. */
export type TargetInForceEntry = Pick<TargetRevision, "effectiveYear" | "target" | "scope">;

/** The staged target set for exactly `year` (scope `year`), if any. */
export function ownYearTarget(
  entries: readonly TargetInForceEntry[] | undefined,
  year: number,
): TargetInForceEntry | null {
  return entries?.find((r) => r.scope === "year" && r.effectiveYear === year) ?? null;
}

/**
 * The target in force in `year`: the year's own staged target, else the latest revision
 * effective by then, else the original.
 */
export function targetInForce(
  original: ParsedCell,
  revisions: readonly TargetInForceEntry[],
  year: number,
): ParsedCell {
  const own = ownYearTarget(revisions, year);
  if (own) return own.target;
  let best: TargetInForceEntry | null = null;
  for (const r of revisions) {
    if (r.scope === "year") continue;
    if (r.effectiveYear <= year && (best === null || r.effectiveYear > best.effectiveYear)) best = r;
  }
  return best ? best.target : original;
}

/** The indicator as judged in `year`: same fields, target replaced by the one in force. */
export function withTargetInForce<I extends { readonly target: ParsedCell }>(
  indicator: I,
  revisions: readonly TargetInForceEntry[] | undefined,
  year: number,
): I {
  if (!revisions?.length) return indicator;
  const target = targetInForce(indicator.target, revisions, year);
  return target === indicator.target ? indicator : { ...indicator, target };
}

export type RevisionRefusal =
  | { readonly kind: "outsidePeriod"; readonly year: number; readonly start: number; readonly end: number }
  | { readonly kind: "approvedYear"; readonly year: number; readonly approvedYear: number }
  | { readonly kind: "duplicate"; readonly year: number }
  | { readonly kind: "unrecognised"; readonly text: string };

export class TargetRevisionError extends Data.TaggedError("TargetRevisionError")<{
  readonly refusal: RevisionRefusal;
}> {
  override get message(): string {
    return describeRevisionRefusal(this.refusal);
  }
}

export function describeRevisionRefusal(r: RevisionRefusal): string {
  switch (r.kind) {
    case "outsidePeriod":
      return `调整生效年份 ${r.year} 不在规划期 ${r.start}–${r.end} 之内`;
    case "approvedYear":
      return `${r.approvedYear} 年数据已审核通过，调整不能在 ${r.year} 年生效（须晚于已通过年度）`;
    case "duplicate":
      return `${r.year} 年起已有一次目标调整`;
    case "unrecognised":
      return `无法识别调整后的目标“${r.text}”`;
  }
}

/**
 * Whether a revision effective in `effectiveYear` may be recorded: inside the plan period
 * (periodStart..periodEnd), after every approved year (their verdicts are settled), and not a
 * second revision for the same year.
 */
export function checkRevision(input: {
  readonly effectiveYear: number;
  readonly target: ParsedCell;
  readonly period: { readonly periodStart: number; readonly periodEnd: number };
  readonly approvedYears: readonly number[];
  readonly existingYears: readonly number[];
}): Result.Result<void, TargetRevisionError> {
  const fail = (refusal: RevisionRefusal) => Result.fail(new TargetRevisionError({ refusal }));
  const { effectiveYear: year, period } = input;
  if (year < period.periodStart || year > period.periodEnd) {
    return fail({ kind: "outsidePeriod", year, start: period.periodStart, end: period.periodEnd });
  }
  const lastApproved = Math.max(-Infinity, ...input.approvedYears);
  if (year <= lastApproved) return fail({ kind: "approvedYear", year, approvedYear: lastApproved });
  if (input.existingYears.includes(year)) return fail({ kind: "duplicate", year });
  if (input.target.expression.kind === "unrecognised") {
    return fail({ kind: "unrecognised", text: input.target.text });
  }
  return Result.succeed(undefined);
}

/**
 * Report phrasing: "原目标≥95%，2024年起调整为≥96%（依据…）"; several revisions in order. Staged
 * yearly targets are the plan's own, not adjustments: "分年度目标：2022年≥70%、2023年≥80%".
 */
export function describeRevisions(
  originalText: string,
  revisions: readonly Pick<TargetRevision, "effectiveYear" | "target" | "basis" | "scope">[],
): string | null {
  if (!revisions.length) return null;
  const sorted = [...revisions].sort((a, b) => a.effectiveYear - b.effectiveYear);
  const staged = sorted.filter((r) => r.scope === "year");
  const revised = sorted.filter((r) => r.scope !== "year");
  const parts: string[] = [];
  if (revised.length > 0) {
    const steps = revised.map((r) => `${r.effectiveYear}年起调整为${r.target.text}（依据${r.basis}）`);
    parts.push(`原目标${originalText}，${steps.join("，")}`);
  }
  if (staged.length > 0) {
    parts.push(`分年度目标：${staged.map((r) => `${r.effectiveYear}年${r.target.text}`).join("、")}`);
  }
  return parts.join("；");
}
