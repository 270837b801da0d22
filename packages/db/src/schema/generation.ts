import { bigint, integer, pgTable } from "drizzle-orm/pg-core";

/**
 * One row (id = 1) whose `n` grows with every audited change (trigger on audit_log, migration
 * 0002). Caches of derived data key on it; see `dataGeneration()`.
 */
export const dataGeneration = pgTable("data_generation", {
  id: integer("id").primaryKey(),
  n: bigint("n", { mode: "number" }).notNull(),
});
