import type { WorkStatus } from "@ybplan/domain/task";
import { date, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { plans } from "./plans.ts";

/** Boxed projects (专栏) of a plan. */
export const projects = pgTable("projects", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => plans.id, { onDelete: "cascade" }),
  key: text("key").notNull(),
  number: text("number").notNull().default(""),
  title: text("title").notNull(),
  position: integer("position").notNull().default(0),
  ...versionColumns(),
});

/** Items inside a 专栏 box. */
export const projectItems = pgTable("project_items", {
  id: uuid("id").primaryKey().defaultRandom(),
  projectId: uuid("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  key: text("key").notNull(),
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
  ...versionColumns(),
});
