import { ident, type RawTransaction, resetSequences, tablesInOrder } from "@ybplan/db";
import { z } from "zod";

/**
 * The earlier JSON backup (`ybplan.backup/v1`: every table as JSON rows plus the migrations it was
 * taken at), kept only so such files still restore; new backups are the streaming format of
 * `@ybplan/db`, whose table order and sequence reset this reuses.
 */
const BackupFormat = "ybplan.backup/v1" as const;

export const Backup = z.object({
  format: z.literal(BackupFormat),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type Backup = z.infer<typeof Backup>;

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
      // Only the columns the backup has: a column added by a later migration takes its default.
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].map(ident).join(", ");
      // One statement per table: self-references (parent plans, task trees) are checked at its end.
      await tx.exec(
        `INSERT INTO ${ident(t)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${ident(t)}, ${tag}${json}${tag})`,
      );
    }
    counts.push({ table: t, rows: rows.length });
  }
  // Serial and identity columns continue after the restored ids.
  await resetSequences(tx);
  return counts;
}
