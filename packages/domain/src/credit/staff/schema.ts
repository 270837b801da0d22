import { z } from "zod";
import { Id, IsoDate } from "../../common/schema.ts";

export const Responsibility = z.enum(["general", "important", "primary"]);
export type Responsibility = z.infer<typeof Responsibility>;
export const responsibilityLabels: Record<Responsibility, string> = {
  general: "一般责任",
  important: "重要责任",
  primary: "主要责任",
};

/**
 * One scoring (记分) of a person, dated when the penalty or agreement handling is made (记分时点).
 * `personId` identifies the person across institutions (national staff code), so points are shared.
 */
export const StaffScoring = z.object({
  id: Id,
  personId: Id,
  personName: z.string().min(1),
  institutionId: Id,
  points: z.number().int().min(1).max(12),
  date: IsoDate,
  act: z.string().min(1),
  responsibility: Responsibility.optional(),
  /** The authority's suspension length when this scoring brings the year to the suspension line. */
  suspensionMonths: z.number().int().positive().nullable().default(null),
});
export type StaffScoring = z.infer<typeof StaffScoring>;
export type StaffScoringInput = z.input<typeof StaffScoring>;

export const StaffActionKind = z.enum(["suspend", "terminate"]);
export type StaffActionKind = z.infer<typeof StaffActionKind>;

export const StaffAction = z.object({
  kind: StaffActionKind,
  scoringId: z.string(),
  date: IsoDate,
  /** End of the suspension, or end of the re-registration bar after termination. */
  until: IsoDate,
  /** False when the suspension length was not recorded and the minimum is assumed. */
  decided: z.boolean(),
  barYears: z.number().nullable(),
  reason: z.string(),
});
export type StaffAction = z.infer<typeof StaffAction>;

export const StaffStatusKind = z.enum(["normal", "suspended", "terminated", "may-reregister"]);
export type StaffStatusKind = z.infer<typeof StaffStatusKind>;
export const staffStatusLabels: Record<StaffStatusKind, string> = {
  normal: "正常",
  suspended: "暂停医保支付资格",
  terminated: "终止医保支付资格",
  "may-reregister": "终止期满，可重新登记",
};

export const StaffStanding = z.object({
  personId: z.string(),
  personName: z.string(),
  asOf: IsoDate,
  /** Points in the natural year of `asOf` (reset on 1 January). */
  pointsThisYear: z.number().int(),
  pointsByYear: z.record(z.string(), z.number().int()),
  status: StaffStatusKind,
  statusUntil: IsoDate.nullable(),
  actions: z.array(StaffAction),
  /** Every institution the person is linked to: a suspension or termination applies at all of them. */
  institutions: z.array(z.string()),
  reason: z.string(),
});
export type StaffStanding = z.infer<typeof StaffStanding>;
