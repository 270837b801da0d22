import type { RawTransaction } from "@ybplan/db";
import { z } from "zod";

/**
 * Logical backup: every table of the public schema as JSON rows, in foreign-key order, plus the
 * migrations it was taken at. Plain SQL only, so the same file moves between the embedded
 * database and PostgreSQL in either direction.
 */
const BackupFormat = "ybplan.backup/v1" as const;

export const Backup = z.object({
  format: z.literal(BackupFormat),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type Backup = z.infer<typeof Backup>;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Public tables (without the migrator's bookkeeping), parents before children. */
async function tablesInOrder(tx: RawTransaction): Promise<string[]> {
  const tables = (
    await tx.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    )
  )
    .map((r) => r.tablename)
    .filter((t) => t !== "_migrations");
  const edges = await tx.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    seen.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

export async function dumpDatabase(tx: RawTransaction): Promise<Backup> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const t of await tablesInOrder(tx)) {
    const [row] = await tx.query<{ rows: unknown }>(
      `SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM ${ident(t)} t`,
    );
    const rows = typeof row?.rows === "string" ? JSON.parse(row.rows) : row?.rows;
    tables[t] = (rows ?? []) as Record<string, unknown>[];
  }
  const migrations = (await tx.query<{ id: string }>("SELECT id FROM _migrations ORDER BY id")).map(
    (r) => r.id,
  );
  return { format: BackupFormat, createdAt: new Date().toISOString(), migrations, tables };
}

/** Replaces every table's rows with the backup's, in one transaction (the caller's). */
export async function restoreDatabase(
  tx: RawTransaction,
  backup: Backup,
): Promise<{ table: string; rows: number }[]> {
  const order = await tablesInOrder(tx);
  const unknown = Object.keys(backup.tables).filter((t) => !order.includes(t));
  if (unknown.length > 0) throw new Error(`备份中的表在当前数据库中不存在：${unknown.join("、")}`);
  if (order.length > 0) await tx.exec(`TRUNCATE ${order.map(ident).join(", ")} CASCADE`);
  const counts: { table: string; rows: number }[] = [];
  for (const t of order) {
    const rows = backup.tables[t] ?? [];
    if (rows.length > 0) {
      const json = JSON.stringify(rows);
      let tag = "$ybplan$";
      for (let i = 0; json.includes(tag); i++) tag = `$ybplan${i}$`;
      // One statement per table: self-references (parent plans, task trees) are checked at its end.
      await tx.exec(
        `INSERT INTO ${ident(t)} SELECT * FROM json_populate_recordset(NULL::${ident(t)}, ${tag}${json}${tag})`,
      );
    }
    counts.push({ table: t, rows: rows.length });
  }
  // Serial and identity columns continue after the restored ids.
  const serials = await tx.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND (column_default LIKE 'nextval%' OR is_identity = 'YES')`,
  );
  for (const s of serials) {
    if (s.table_name === "_migrations") continue;
    const t = ident(s.table_name);
    const c = ident(s.column_name);
    await tx.query(
      `SELECT setval(pg_get_serial_sequence('${t.replace(/'/g, "''")}', '${s.column_name.replace(/'/g, "''")}'), coalesce((SELECT max(${c}) FROM ${t}), 0) + 1, false)`,
    );
  }
  return counts;
}
