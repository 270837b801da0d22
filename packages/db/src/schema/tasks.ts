import type { WorkStatus } from "@ybplan/domain/task";
import { type AnyPgColumn, date, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { plans } from "./plans.ts";
import { projectItems } from "./projects.ts";

/** The key-task outline (重点任务): chapter → section → numbered task. */
export const tasks = pgTable("tasks", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => plans.id, { onDelete: "cascade" }),
  key: text("key").notNull(),
  parentId: uuid("parent_id").references((): AnyPgColumn => tasks.id, { onDelete: "cascade" }),
  level: integer("level").notNull(),
  number: text("number").notNull().default(""),
  title: text("title").notNull(),
  text: text("text").notNull().default(""),
  leadDepartment: text("lead_department"),
  deadline: date("deadline", { mode: "string" }),
  status: text("status").$type<WorkStatus>().notNull().default("notStarted"),
  position: integer("position").notNull().default(0),
  ...versionColumns(),
});

/** A yearly progress note on a task or a 专栏 item (exactly one of the two is set). */
export const progressNotes = pgTable("progress_notes", {
  id: uuid("id").primaryKey().defaultRandom(),
  taskId: uuid("task_id").references(() => tasks.id, { onDelete: "cascade" }),
  projectItemId: uuid("project_item_id").references(() => projectItems.id, { onDelete: "cascade" }),
  year: integer("year").notNull(),
  text: text("text").notNull(),
  recordedBy: text("recorded_by"),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});
