import type { TargetScope } from "@ybplan/domain/cycle";
import type { ParsedCell } from "@ybplan/domain/target";
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { indicators } from "./indicators.ts";
import { jurisdictions } from "./jurisdictions.ts";
import { plans } from "./plans.ts";

/** The yearly reporting cycle (migration 0300). */

/** An open (or closed) reporting window of a year for a subtree (null root = the country). */
export const reportingWindows = pgTable("reporting_windows", {
  id: uuid("id").primaryKey().defaultRandom(),
  year: integer("year").notNull(),
  rootCode: text("root_code").references(() => jurisdictions.code),
  deadline: date("deadline").notNull(),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  closedBy: text("closed_by"),
  createdBy: text("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});

export type CycleStateValue = "notStarted" | "filling" | "submitted" | "returned" | "approved";

/** State of one plan's year in the cycle. A missing row is 未填报. */
export const reportingCycles = pgTable(
  "reporting_cycles",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    state: text("state").$type<CycleStateValue>().notNull().default("notStarted"),
    submittedById: uuid("submitted_by_id"),
    submittedBy: text("submitted_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedById: uuid("reviewed_by_id"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    returnReason: text("return_reason"),
    unlockedBy: text("unlocked_by"),
    unlockedAt: timestamp("unlocked_at", { withTimezone: true }),
    unlockReason: text("unlock_reason"),
    ...versionColumns(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.year] })],
);

/** 原因 / 整改措施 / 责任单位 of an indicator in a year. */
export const indicatorExplanations = pgTable(
  "indicator_explanations",
  {
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    cause: text("cause").notNull().default(""),
    measure: text("measure"),
    responsibleUnit: text("responsible_unit"),
    ...versionColumns(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.year] })],
);

/**
 * 中期调整: a revised target from `effectiveYear` on; with scope "year" (migration 0902) a staged
 * yearly target in force in that year only.
 */
export const targetRevisions = pgTable("target_revisions", {
  id: uuid("id").primaryKey().defaultRandom(),
  indicatorId: uuid("indicator_id")
    .notNull()
    .references(() => indicators.id, { onDelete: "cascade" }),
  effectiveYear: integer("effective_year").notNull(),
  scope: text("scope").$type<TargetScope>().notNull().default("from"),
  target: jsonb("target").$type<ParsedCell>().notNull(),
  targetText: text("target_text").notNull(),
  reason: text("reason").notNull(),
  basis: text("basis").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});

/** A person's judgement beside an observation (same key: indicator, year, subject). */
export const observationAssessments = pgTable("observation_assessments", {
  id: uuid("id").primaryKey().defaultRandom(),
  indicatorId: uuid("indicator_id")
    .notNull()
    .references(() => indicators.id, { onDelete: "cascade" }),
  year: integer("year").notNull(),
  subject: text("subject"),
  grade: text("grade").$type<"aheadMet" | "faster" | "onPace" | "lagging">().notNull(),
  reason: text("reason"),
  ...versionColumns(),
});
