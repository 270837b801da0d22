import { integer, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Columns every editable table carries: `version` for optimistic concurrency, and who/when of the
 * last change so a conflict error can name the newer change.
 */
export const versionColumns = () => ({
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by"),
});
