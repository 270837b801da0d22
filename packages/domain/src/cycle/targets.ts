import { Data, Result } from "effect";
import { z } from "zod";
import { ParsedCell } from "../target/expression.ts";

/**
 * Target revisions (中期调整): a plan's target may be revised from a given year on, with the
 * reason and the basis document. Each year is judged against the target in force that year, so
 * verdicts of earlier years never change.
 */
export const TargetRevision = z.object({
  /** First year the revised target applies to. */
  effectiveYear: z.number().int(),
  /** The revised target cell (parsed by the domain parser). */
  target: ParsedCell,
  reason: z.string().min(1),
  /** The document the revision rests on (文件名、文号). */
  basis: z.string().min(1),
});
export type TargetRevision = z.infer<typeof TargetRevision>;

/** The target in force in `year`: the latest revision effective by then, else the original. */
export function targetInForce(
  original: ParsedCell,
  revisions: readonly Pick<TargetRevision, "effectiveYear" | "target">[],
  year: number,
): ParsedCell {
  let best: Pick<TargetRevision, "effectiveYear" | "target"> | null = null;
  for (const r of revisions) {
    if (r.effectiveYear <= year && (best === null || r.effectiveYear > best.effectiveYear)) best = r;
  }
  return best ? best.target : original;
}

/** The indicator as judged in `year`: same fields, target replaced by the one in force. */
export function withTargetInForce<I extends { readonly target: ParsedCell }>(
  indicator: I,
  revisions: readonly Pick<TargetRevision, "effectiveYear" | "target">[] | undefined,
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

/** Report phrasing: "原目标≥95%，2024年起调整为≥96%（依据…）"; several revisions in order. */
export function describeRevisions(
  originalText: string,
  revisions: readonly Pick<TargetRevision, "effectiveYear" | "target" | "basis">[],
): string | null {
  if (!revisions.length) return null;
  const sorted = [...revisions].sort((a, b) => a.effectiveYear - b.effectiveYear);
  const steps = sorted.map((r) => `${r.effectiveYear}年起调整为${r.target.text}（依据${r.basis}）`);
  return `原目标${originalText}，${steps.join("，")}`;
}
