import { doublePrecision, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { indicators } from "./indicators.ts";

/** One yearly value per indicator (and compound-target subject): unique indicator + year + subject. */
export const observations = pgTable("observations", {
  id: uuid("id").primaryKey().defaultRandom(),
  indicatorId: uuid("indicator_id")
    .notNull()
    .references(() => indicators.id, { onDelete: "cascade" }),
  year: integer("year").notNull(),
  /** Subject of a compound target's part ("药品"); null for the indicator as a whole. */
  subject: text("subject"),
  valueKind: text("value_kind").$type<"number" | "text">().notNull(),
  valueNumber: doublePrecision("value_number"),
  valueText: text("value_text"),
  source: text("source"),
  note: text("note"),
  /** Display name of who entered the current value (it is also the conflict's "who"). */
  recordedBy: text("recorded_by"),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});
