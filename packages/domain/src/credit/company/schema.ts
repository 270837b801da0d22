import { z } from "zod";
import { Id, IsoDate } from "../../common/schema.ts";
import { AdminCode } from "../../jurisdiction/schema.ts";
import { Quarter } from "../shared/quarter.ts";
import { CompanyRole, DisposalMeasure } from "./standard.ts";

/** Where the facts behind an event were found (the 2025 notice adds audits). */
export const CaseSource = z.enum(["court-judgment", "penalty-decision", "audit"]);
export type CaseSource = z.infer<typeof CaseSource>;
export const caseSourceLabels: Record<CaseSource, string> = {
  "court-judgment": "法院判决",
  "penalty-decision": "行政处罚决定",
  audit: "审计报告或移送",
};

/**
 * One confirmed dishonest act (失信事项) of a company, as a provincial procurement agency records it.
 * Events of the same company, rated province and `caseRef` form one case: their amounts add up.
 */
export const DishonestEvent = z.object({
  id: Id,
  companyId: Id,
  companyName: z.string().min(1),
  companyRole: CompanyRole.default("manufacturer"),
  /** The province whose market is rated (each province rates its own market). */
  province: AdminCode,
  /** Category code from the 失信事项目录清单 of either version (aliases map between them). */
  category: z.string().min(1),
  /** Case reference (案号 / 文书号); groups events of one case. */
  caseRef: z.string().min(1),
  /** Amount confirmed by this event, in yuan (行贿金额, 涉税金额...); null when not monetary. */
  amountYuan: z.number().nonnegative().nullable().default(null),
  /** Largest single payment within the amount, when known (2020's 单笔 bands). */
  largestSingleYuan: z.number().nonnegative().nullable().default(null),
  /** Circumstance codes that fix a level (e.g. "bribed-medical-security-staff"). */
  circumstances: z.array(z.string()).default([]),
  /** The agency's level for conduct judged on circumstances (level code of the rating standard). */
  assessedLevel: z.string().nullable().default(null),
  dateConfirmed: IsoDate,
  source: CaseSource,
  /** The judgment or penalty behind the event was revoked or changed on this date: it stops counting. */
  revokedOn: IsoDate.nullable().default(null),
  note: z.string().optional(),
});
export type DishonestEvent = z.infer<typeof DishonestEvent>;
export type DishonestEventInput = z.input<typeof DishonestEvent>;

/**
 * A credit repair (信用修复): the company corrected the conduct. Covers one case (`caseRef`) or, when
 * null, every case of the company in the province confirmed before `date`.
 */
export const CreditRepair = z.object({
  id: Id,
  companyId: Id,
  province: AdminCode,
  caseRef: z.string().nullable().default(null),
  date: IsoDate,
  /** Correction measures completed (①–⑥ of 2025); checked against what the standard requires. */
  measuresCompleted: z.array(z.number().int()).nullable().default(null),
});
export type CreditRepair = z.infer<typeof CreditRepair>;
export type CreditRepairInput = z.input<typeof CreditRepair>;

export const RatedLevel = z.object({
  standard: z.string(),
  code: z.string(),
  label: z.string(),
  severity: z.number().int(),
});
export type RatedLevel = z.infer<typeof RatedLevel>;

export const CaseStatus = z.enum(["active", "expired", "cleared", "revoked"]);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const caseStatusLabels: Record<CaseStatus, string> = {
  active: "有效",
  expired: "已过有效期",
  cleared: "已修复清零",
  revoked: "依据已撤销",
};

/** A case's level as the engine derived it, with the reason in Chinese. */
export const CaseRating = z.object({
  caseRef: z.string(),
  category: z.string(),
  eventIds: z.array(z.string()),
  /** Null when no band is reached (below the lowest threshold). */
  level: RatedLevel.nullable(),
  reason: z.string(),
  /** Quarter of the rating (of the latest confirmation); decides the version used. */
  ratedQuarter: Quarter,
  confirmedOn: IsoDate,
  expiresOn: IsoDate.nullable(),
  status: CaseStatus,
});
export type CaseRating = z.infer<typeof CaseRating>;

/** A company's level in one province in one quarter. */
export const CompanyRating = z.object({
  companyId: z.string(),
  companyName: z.string(),
  companyRole: CompanyRole,
  province: AdminCode,
  quarter: Quarter,
  level: RatedLevel.nullable(),
  reason: z.string(),
  measures: z.array(DisposalMeasure),
  /** The determining case's expiry: the level holds until then unless repaired. */
  expiresOn: IsoDate.nullable(),
  cases: z.array(CaseRating),
});
export type CompanyRating = z.infer<typeof CompanyRating>;
