import type { JurisdictionLevel } from "@ybplan/domain/jurisdiction";
import { type AnyPgColumn, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";

/** Administrative divisions (GB/T 2260), a province → city → county tree. */
export const jurisdictions = pgTable("jurisdictions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  level: text("level").$type<JurisdictionLevel>().notNull(),
  parentCode: text("parent_code").references((): AnyPgColumn => jurisdictions.code),
  /** When the place was retired (撤销); null while in force. Its records stay (0900). */
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  ...versionColumns(),
});
