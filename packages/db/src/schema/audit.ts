import { bigserial, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One row per change, written in the same transaction as the change (see `writeAudit`).
 * `before`/`after` are the row's JSON before and after (null for create/delete respectively).
 */
export const auditLog = pgTable("audit_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid("actor_id"),
  actorName: text("actor_name").notNull(),
  /** create | update | delete | import | login | ... */
  action: text("action").notNull(),
  /** Table-like entity name: plan, indicator, observation, task, user, ... */
  entity: text("entity").notNull(),
  entityId: text("entity_id").notNull(),
  /** Jurisdiction the entity belongs to, for scoped audit queries. */
  jurisdictionCode: text("jurisdiction_code"),
  before: jsonb("before"),
  after: jsonb("after"),
});
