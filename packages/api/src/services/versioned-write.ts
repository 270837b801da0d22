import { type Actor, assertVersion, bump, type Db, NotFoundError, writeAudit } from "@ybplan/db";
import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Patch } from "./common.ts";

/**
 * The one pattern of every versioned edit, for tables with `id`, `version`, `updated_at`,
 * `updated_by`: lock the row, refuse a stale version (ConflictError naming the newer change),
 * write, audit — in one transaction.
 */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };
type VersionedRow = { id: string; version: number; updatedAt: Date; updatedBy: string | null };

export async function updateVersioned<T extends VersionedTable>(
  db: Db,
  actor: Actor,
  table: T,
  entity: string,
  code: string,
  input: { id: string; version: number; data: Patch<T["$inferInsert"]> },
  action = "update",
): Promise<T["$inferSelect"]> {
  return db.transaction(async (tx) => {
    // Drizzle's generic table types do not narrow through a type parameter; rows are checked below.
    const [before] = (await tx
      .select()
      .from(table as PgTable)
      .where(eq(table.id, input.id))
      .for("update")) as VersionedRow[];
    if (!before) throw new NotFoundError({ entity, entityId: input.id });
    assertVersion(entity, before.id, before, input.version);
    const [after] = (await tx
      .update(table)
      .set({ ...input.data, ...bump(before, actor.name) } as never)
      .where(eq(table.id, input.id))
      .returning()) as unknown[];
    await writeAudit(tx, actor, {
      action,
      entity,
      entityId: before.id,
      jurisdictionCode: code,
      before,
      after,
    });
    return after as T["$inferSelect"];
  });
}

export async function deleteVersioned<T extends VersionedTable>(
  db: Db,
  actor: Actor,
  table: T,
  entity: string,
  code: string,
  input: { id: string; version: number },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [before] = (await tx
      .select()
      .from(table as PgTable)
      .where(eq(table.id, input.id))
      .for("update")) as VersionedRow[];
    if (!before) throw new NotFoundError({ entity, entityId: input.id });
    assertVersion(entity, before.id, before, input.version);
    await tx.delete(table).where(eq(table.id, input.id));
    await writeAudit(tx, actor, {
      action: "delete",
      entity,
      entityId: before.id,
      jurisdictionCode: code,
      before,
    });
    return { id: before.id };
  });
}
