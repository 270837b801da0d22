import { eq, sql } from "drizzle-orm";
import { CHANGE_CHANNEL, encodeChange, openTrackers, scopesOfEntry, transactionScopes } from "./changes.ts";
import type { Db } from "./client.ts";
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
 * outer db, so the audit row commits or rolls back together with the change. It also announces
 * the change: the scopes touched are marked changed in this process when the transaction commits
 * and sent to the other processes with NOTIFY, which PostgreSQL delivers at commit.
 */
export async function writeAudit(
  tx: Db,
  actor: Actor,
  entries: AuditEntry | readonly AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? (entries as readonly AuditEntry[]) : [entries as AuditEntry];
  if (list.length === 0) return;
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
  const scopes = new Set(list.flatMap(scopesOfEntry));
  const current = transactionScopes.getStore();
  if (current) {
    // Marked changed here after commit (client.ts); other processes hear it at commit.
    for (const s of scopes) current.scopes.add(s);
    if (current.notify) await notifyChange(tx, encodeChange(scopes, current.tracker));
    return;
  }
  // Not inside a tracked transaction (e.g. a single statement on the outer db): mark it now, and
  // let the notification — which this process hears too — mark it again after commit.
  for (const tracker of openTrackers) tracker.changed(scopes);
  await notifyChange(tx, encodeChange(scopes, null));
}

async function notifyChange(tx: Db, payload: string): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${payload})`);
}

/** Dates become ISO strings; undefined becomes null (jsonb has no undefined). */
function toJson(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  return JSON.parse(JSON.stringify(v));
}

/**
 * The current data generation of migration 0002: a database counter bumped by every audited
 * change. Caches use the scoped change tracker instead (`database.changes`); this stays for tools
 * that compare two readings without a notification connection.
 */
export async function dataGenerationOf(db: Db): Promise<number> {
  const [row] = await db.select({ n: dataGeneration.n }).from(dataGeneration).where(eq(dataGeneration.id, 1));
  return row?.n ?? 0;
}
