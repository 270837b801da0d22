import type {
  CaseRating,
  CaseSource,
  CompanyRole,
  DisposalMeasure,
  InstitutionKind,
  Responsibility,
} from "@ybplan/domain/credit";
import {
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";

/**
 * Credit records and computed results (migration 0200). Rules are domain data
 * (`@ybplan/domain/credit`); ratings and grades are computed from these rows and stored with their
 * reasons so every quarter / year stays visible.
 */

export const creditCompanyEvents = pgTable("credit_company_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  companyId: text("company_id").notNull(),
  companyName: text("company_name").notNull(),
  companyRole: text("company_role").$type<CompanyRole>().notNull().default("manufacturer"),
  provinceCode: text("province_code").notNull(),
  category: text("category").notNull(),
  caseRef: text("case_ref").notNull(),
  amountYuan: doublePrecision("amount_yuan"),
  largestSingleYuan: doublePrecision("largest_single_yuan"),
  circumstances: text("circumstances").array().notNull().default([]),
  assessedLevel: text("assessed_level"),
  dateConfirmed: date("date_confirmed").notNull(),
  source: text("source").$type<CaseSource>().notNull(),
  revokedOn: date("revoked_on"),
  note: text("note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});

export const creditCompanyRepairs = pgTable("credit_company_repairs", {
  id: uuid("id").primaryKey().defaultRandom(),
  companyId: text("company_id").notNull(),
  provinceCode: text("province_code").notNull(),
  caseRef: text("case_ref"),
  date: date("date").notNull(),
  measuresCompleted: integer("measures_completed").array(),
  note: text("note"),
  ...versionColumns(),
});

export const creditCompanyRatings = pgTable(
  "credit_company_ratings",
  {
    companyId: text("company_id").notNull(),
    provinceCode: text("province_code").notNull(),
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    companyName: text("company_name").notNull(),
    companyRole: text("company_role").$type<CompanyRole>().notNull(),
    standard: text("standard"),
    levelCode: text("level_code"),
    levelLabel: text("level_label"),
    severity: integer("severity"),
    reason: text("reason").notNull(),
    measures: jsonb("measures").$type<DisposalMeasure[]>().notNull().default([]),
    expiresOn: date("expires_on"),
    cases: jsonb("cases").$type<CaseRating[]>().notNull().default([]),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.provinceCode, t.year, t.quarter] })],
);

export const creditRuleSets = pgTable(
  "credit_rule_sets",
  {
    id: text("id").notNull(),
    ruleVersion: text("rule_version").notNull(),
    jurisdictionCode: text("jurisdiction_code").notNull(),
    name: text("name").notNull(),
    status: text("status").$type<"in-force" | "draft">().notNull(),
    effectiveFrom: date("effective_from").notNull(),
    effectiveTo: date("effective_to"),
    /** The domain `RuleSet`, validated before it is written. */
    data: jsonb("data").notNull(),
    ...versionColumns(),
  },
  (t) => [primaryKey({ columns: [t.id, t.ruleVersion] })],
);

export const creditInstitutions = pgTable("credit_institutions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind").$type<InstitutionKind>().notNull(),
  jurisdictionCode: text("jurisdiction_code").notNull(),
  designatedSince: date("designated_since").notNull(),
  ...versionColumns(),
});

export const creditInstitutionDeductions = pgTable("credit_institution_deductions", {
  id: uuid("id").primaryKey().defaultRandom(),
  institutionCode: text("institution_code")
    .notNull()
    .references(() => creditInstitutions.code, { onDelete: "cascade" }),
  itemCode: text("item_code").notNull(),
  points: doublePrecision("points"),
  date: date("date").notNull(),
  note: text("note"),
  ...versionColumns(),
});

export const creditInstitutionFlags = pgTable(
  "credit_institution_flags",
  {
    institutionCode: text("institution_code")
      .notNull()
      .references(() => creditInstitutions.code, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    flag: text("flag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.institutionCode, t.year, t.flag] })],
);

export const creditInstitutionGrades = pgTable(
  "credit_institution_grades",
  {
    // No foreign key (0201): grades are derived rows rewritten in bulk by the re-grade.
    institutionCode: text("institution_code").notNull(),
    year: integer("year").notNull(),
    jurisdictionCode: text("jurisdiction_code").notNull(),
    ruleSetId: text("rule_set_id").notNull(),
    ruleSetVersion: text("rule_set_version").notNull(),
    score: doublePrecision("score").notNull(),
    deducted: doublePrecision("deducted").notNull(),
    bonus: doublePrecision("bonus").notNull(),
    grade: text("grade").notNull(),
    override: text("override"),
    measures: text("measures").array().notNull().default([]),
    reason: text("reason").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.institutionCode, t.year] })],
);

export const creditStaffScorings = pgTable("credit_staff_scorings", {
  id: uuid("id").primaryKey().defaultRandom(),
  personId: text("person_id").notNull(),
  personName: text("person_name").notNull(),
  institutionCode: text("institution_code").notNull(),
  points: integer("points").notNull(),
  date: date("date").notNull(),
  act: text("act").notNull(),
  responsibility: text("responsibility").$type<Responsibility>(),
  suspensionMonths: integer("suspension_months"),
  note: text("note"),
  ...versionColumns(),
});
