import { z } from "zod";
import { Id, IsoDate, Year } from "../../common/schema.ts";
import { AdminCode } from "../../jurisdiction/schema.ts";
import { InstitutionKind, SupervisionMeasure } from "./rule-set.ts";

export const Institution = z.object({
  id: Id,
  name: z.string().min(1),
  kind: InstitutionKind,
  /** Jurisdiction the institution is designated by (its grades are counted there). */
  jurisdiction: AdminCode,
  designatedSince: IsoDate,
});
export type Institution = z.infer<typeof Institution>;

/** A deduction (or bonus) recorded against an institution; the cycle is the year of `date`. */
export const DeductionEvent = z.object({
  id: Id,
  institutionId: Id,
  itemCode: z.string().min(1),
  /** Points chosen within the item's range; omitted = the item's default points. */
  points: z.number().positive().nullable().default(null),
  date: IsoDate,
  note: z.string().optional(),
});
export type DeductionEvent = z.infer<typeof DeductionEvent>;
export type DeductionEventInput = z.input<typeof DeductionEvent>;

/** Yes/no facts of an institution in a cycle (on the serious-dishonesty list, failed review...). */
export const CycleFlags = z.object({ institutionId: Id, year: Year, flags: z.array(z.string()) });
export type CycleFlags = z.infer<typeof CycleFlags>;

export const GradeResult = z.object({
  institutionId: z.string(),
  jurisdiction: AdminCode,
  year: Year,
  ruleSetId: z.string(),
  ruleSetVersion: z.string(),
  score: z.number(),
  deducted: z.number(),
  bonus: z.number(),
  grade: z.string(),
  /** Label of the override that forced the grade, if any. */
  override: z.string().nullable(),
  measures: z.array(SupervisionMeasure),
  reason: z.string(),
});
export type GradeResult = z.infer<typeof GradeResult>;
