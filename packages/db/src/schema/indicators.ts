import type { AssessmentRule, IndicatorAttribute, IndicatorDirection } from "@ybplan/domain/indicator";
import type { ParsedCell, TargetKind } from "@ybplan/domain/target";
import { type AnyPgColumn, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { plans } from "./plans.ts";
import { projectItems } from "./projects.ts";
import { tasks } from "./tasks.ts";

/**
 * Rows of a plan's main-indicator table. `baseline`/`target` hold the domain's ParsedCell as
 * jsonb; `baselineText`/`targetText`/`targetKind` repeat its key parts as columns for filtering.
 * `key` (normalised category + name) is stable across re-imports, so a re-import updates in place.
 */
export const indicators = pgTable("indicators", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => plans.id, { onDelete: "cascade" }),
  key: text("key").notNull(),
  position: integer("position").notNull(),
  category: text("category").notNull().default(""),
  name: text("name").notNull(),
  unit: text("unit"),
  baseline: jsonb("baseline").$type<ParsedCell>().notNull(),
  baselineText: text("baseline_text").notNull().default(""),
  target: jsonb("target").$type<ParsedCell>().notNull(),
  targetText: text("target_text").notNull().default(""),
  targetKind: text("target_kind").$type<TargetKind>().notNull(),
  attribute: text("attribute").$type<IndicatorAttribute>().notNull(),
  direction: text("direction").$type<IndicatorDirection>().notNull(),
  definition: text("definition"),
  footnote: text("footnote"),
  assessment: text("assessment").$type<AssessmentRule>().notNull().default("endOfPeriod"),
  parentIndicatorId: uuid("parent_indicator_id").references((): AnyPgColumn => indicators.id, {
    onDelete: "set null",
  }),
  confidence: text("confidence").$type<"table" | "prose" | "manual">().notNull().default("table"),
  /** A work indicator's key task or 专栏 item (migration 0902); null for the plan's own indicators. */
  taskId: uuid("task_id").references((): AnyPgColumn => tasks.id, { onDelete: "set null" }),
  projectItemId: uuid("project_item_id").references((): AnyPgColumn => projectItems.id, {
    onDelete: "set null",
  }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});
