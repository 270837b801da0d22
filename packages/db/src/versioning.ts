import { ConflictError } from "./errors.ts";

/** What a versioned row exposes for conflict messages. */
export interface VersionedRow {
  readonly version: number;
  readonly updatedAt?: Date | null;
  readonly updatedBy?: string | null;
}

/**
 * Refuses a stale write. Call after reading the row `FOR UPDATE` in the writing transaction:
 * the lock makes the check and the write atomic on PostgreSQL (PGlite serialises transactions).
 */
export function assertVersion(
  entity: string,
  entityId: string,
  row: VersionedRow,
  expectedVersion: number,
  detail?: Record<string, unknown>,
): void {
  if (row.version === expectedVersion) return;
  throw new ConflictError({
    entity,
    entityId,
    expectedVersion,
    currentVersion: row.version,
    changedBy: row.updatedBy ?? null,
    changedAt: row.updatedAt ? row.updatedAt.toISOString() : null,
    ...(detail ? { detail } : {}),
  });
}

/** Columns to set on every versioned update. */
export function bump(row: VersionedRow, actorName: string) {
  return { version: row.version + 1, updatedAt: new Date(), updatedBy: actorName };
}
