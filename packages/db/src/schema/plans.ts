import type { ImportWarning, PlanStatus } from "@ybplan/domain/plan";
import { type AnyPgColumn, date, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { jurisdictions } from "./jurisdictions.ts";

/** Plan metadata; the indicator table, tasks and 专栏 hang off `plans.id`. */
export const plans = pgTable("plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  jurisdictionCode: text("jurisdiction_code")
    .notNull()
    .references(() => jurisdictions.code),
  title: text("title").notNull(),
  issuer: text("issuer"),
  documentNumber: text("document_number"),
  issueDate: date("issue_date", { mode: "string" }),
  periodStart: integer("period_start").notNull(),
  periodEnd: integer("period_end").notNull(),
  baselineYear: integer("baseline_year").notNull(),
  status: text("status").$type<PlanStatus>().notNull().default("published"),
  parentPlanId: uuid("parent_plan_id").references((): AnyPgColumn => plans.id, { onDelete: "set null" }),
  revision: integer("revision").notNull().default(1),
  /** Footnotes of the indicator table, by marker ("①"). */
  footnotes: jsonb("footnotes").$type<{ mark: string; text: string }[]>().notNull().default([]),
  /** Warnings of the last import, kept so the admin app can show them later. */
  importWarnings: jsonb("import_warnings").$type<ImportWarning[]>().notNull().default([]),
  /** Import warnings marked resolved (0901), by line + message + text; they stay in `importWarnings`. */
  resolvedWarnings: jsonb("resolved_warnings")
    .$type<{ line: number; message: string; text: string; by: string; at: string }[]>()
    .notNull()
    .default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});
