import type { Database, Db } from "./client.ts";
import { eq } from "drizzle-orm";
import { auditLog } from "./schema/audit.ts";
import { dataGeneration } from "./schema/generation.ts";

/** Who is acting: a user (id + display name) or the system (id null, e.g. "系统初始化"). */
export interface Actor {
  readonly id: string | null;
  readonly name: string;
}

export const systemActor: Actor = { id: null, name: "系统" };

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly jurisdictionCode?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Records changes. Call it with the transaction that makes the change (`tx`), never with the
 * outer db, so the audit row commits or rolls back together with the change.
 */
export async function writeAudit(
  tx: Db,
  actor: Actor,
  entries: AuditEntry | readonly AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
  if (list.length === 0) return;
  localGeneration++;
  await tx.insert(auditLog).values(
    list.map((e) => ({
      actorId: actor.id,
      actorName: actor.name,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      jurisdictionCode: e.jurisdictionCode ?? null,
      before: toJson(e.before),
      after: toJson(e.after),
    })),
  );
}

/** Dates become ISO strings; undefined becomes null (jsonb has no undefined). */
function toJson(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  return JSON.parse(JSON.stringify(v));
}

/**
 * Audited writes made by this process (any database). Bumped inside the writing transaction:
 * on PGlite a transaction excludes every other query, so a reader that sees the old count either
 * ran before the write or waits for its commit — the count is an exact cache key there.
 */
let localGeneration = 0;

/**
 * A cache key that changes with every audited change: on PGlite (one process owns the data
 * directory) the in-process count, no query; on PostgreSQL (several processes may write) the
 * database counter of migration 0002.
 */
export async function changeKey(database: Database): Promise<string> {
  if (database.kind === "pglite") return `local:${localGeneration}`;
  return `db:${await dataGenerationOf(database.db)}`;
}

/**
 * The current data generation: changes whenever any audited change commits. Compare two
 * readings to know whether cached derived data may be stale.
 */
export async function dataGenerationOf(db: Db): Promise<number> {
  const [row] = await db.select({ n: dataGeneration.n }).from(dataGeneration).where(eq(dataGeneration.id, 1));
  return row?.n ?? 0;
}
