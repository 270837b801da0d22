import { customType, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { jurisdictions } from "./jurisdictions.ts";
import { projectItems } from "./projects.ts";
import { tasks } from "./tasks.ts";

/** Departments and agencies of a jurisdiction that lead (牵头) or co-operate on (配合) work items. */
export const departments = pgTable("departments", {
  id: uuid("id").primaryKey().defaultRandom(),
  jurisdictionCode: text("jurisdiction_code")
    .notNull()
    .references(() => jurisdictions.code),
  name: text("name").notNull(),
  position: integer("position").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});

/** `bytea` as bytes (PGlite and postgres-js both hand back a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** An evidence file of a task or a 专栏 item (exactly one of the two is set). */
export const attachments = pgTable("attachments", {
  id: uuid("id").primaryKey().defaultRandom(),
  taskId: uuid("task_id").references(() => tasks.id, { onDelete: "cascade" }),
  projectItemId: uuid("project_item_id").references(() => projectItems.id, { onDelete: "cascade" }),
  fileName: text("file_name").notNull(),
  kind: text("kind").notNull(),
  mediaType: text("media_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  uploadedBy: text("uploaded_by"),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});
