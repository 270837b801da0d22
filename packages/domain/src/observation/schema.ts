import { z } from "zod";
import { Limits } from "../common/limits.ts";
import { Id, Year } from "../common/schema.ts";

/** An observed yearly value: a number, or text for qualitative and milestone indicators. */
export const ObservationValue = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("number"), value: z.number().finite() }),
  z.object({ kind: z.literal("text"), text: z.string().min(1).max(Limits.note) }),
]);
export type ObservationValue = z.infer<typeof ObservationValue>;

export const Observation = z.object({
  indicatorId: Id,
  /** Year the value describes (the baseline year is allowed: it records the actual baseline). */
  year: Year,
  value: ObservationValue,
  /**
   * For an indicator with a compound target ("药品达到90%、高值医用耗材达到80%"): the subject
   * this value belongs to, exactly as the target's part names it. Absent/null otherwise.
   */
  subject: z.string().min(1).max(Limits.name).nullable().optional(),
  /** Where the figure comes from (统计年鉴, 医保结算系统…). */
  source: z.string().max(Limits.shortText).nullable(),
  note: z.string().max(Limits.note).nullable(),
  /** Who entered it (user id or name) and when (ISO timestamp). */
  recordedBy: z.string().nullable(),
  recordedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Observation = z.infer<typeof Observation>;

/** Convenience: the numeric value of an observation, or null for text. */
export function numericValue(o: Pick<Observation, "value">): number | null {
  return o.value.kind === "number" ? o.value.value : null;
}
