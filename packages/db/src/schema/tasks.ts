import type { OutlineKind, WorkStatus } from "@ybplan/domain/task";
import { type AnyPgColumn, date, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
  /** The assigned lead unit from the jurisdiction's department list (0900). */
  leadDepartmentId: uuid("lead_department_id"),
  /** Co-operating units (配合单位), department ids. */
  coDepartmentIds: jsonb("co_department_ids").$type<string[]>().notNull().default([]),
  deadline: date("deadline", { mode: "string" }),
  status: text("status").$type<WorkStatus>().notNull().default("notStarted"),
  position: integer("position").notNull().default(0),
  /** Outline kind (背景 / 原则 / 目标 / 重点任务 / 保障措施); null: classified from the titles. */
  kind: text("kind").$type<OutlineKind>(),
  /** Who set the kind: "importer", or "planner" (a correction a re-import keeps). */
  kindSource: text("kind_source").$type<"importer" | "planner">(),
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
