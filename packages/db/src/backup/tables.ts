import type { RawTransaction } from "../client.ts";

/** Table and column helpers shared by dump and restore (plain SQL: PGlite and PostgreSQL alike). */

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Public tables (without the migrator's bookkeeping), parents before children. */
export async function tablesInOrder(tx: RawTransaction): Promise<string[]> {
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

/** Primary-key columns in key order (empty when the table has none). */
async function primaryKey(tx: RawTransaction, table: string): Promise<string[]> {
  const rows = await tx.query<{ attname: string }>(
    `SELECT a.attname FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = ${literal(`public.${ident(table)}`)}::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
  );
  return rows.map((r) => r.attname);
}

/** The table's columns in their stored order. */
export async function columnsOf(tx: RawTransaction, table: string): Promise<string[]> {
  const rows = await tx.query<{ attname: string }>(
    `SELECT attname FROM pg_attribute
      WHERE attrelid = ${literal(`public.${ident(table)}`)}::regclass AND attnum > 0 AND NOT attisdropped
      ORDER BY attnum`,
  );
  return rows.map((r) => r.attname);
}

/**
 * Streams a table's rows as JSON text of the given columns (all by default), in primary-key
 * order — so a dump, and the check after a restore into a newer schema with extra columns, see
 * the same text — `batch` rows at a time through a cursor: memory stays flat however large the
 * table is.
 */
export async function* tableRows(
  tx: RawTransaction,
  table: string,
  columns?: readonly string[],
  batch = 1000,
): AsyncGenerator<string> {
  const cols = columns ?? (await columnsOf(tx, table));
  const key = await primaryKey(tx, table);
  const pick = cols.map((c) => `x.${ident(c)}`).join(", ");
  const order = key.length ? key.map((c) => `x.${ident(c)}`).join(", ") : "1";
  const cursor = `ybplan_rows_${table.replace(/\W/g, "_")}`;
  await tx.exec(
    `DECLARE ${ident(cursor)} NO SCROLL CURSOR FOR
       SELECT row_to_json(s)::text AS j FROM ${ident(table)} x CROSS JOIN LATERAL (SELECT ${pick}) s ORDER BY ${order}`,
  );
  try {
    for (;;) {
      const rows = await tx.query<{ j: string }>(`FETCH ${batch} FROM ${ident(cursor)}`);
      for (const r of rows) yield r.j;
      if (rows.length < batch) break;
    }
  } finally {
    await tx.exec(`CLOSE ${ident(cursor)}`);
  }
}

/** Serial and identity columns continue after the restored ids. */
export async function resetSequences(tx: RawTransaction): Promise<void> {
  const serials = await tx.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND (column_default LIKE 'nextval%' OR is_identity = 'YES')`,
  );
  for (const s of serials) {
    if (s.table_name === "_migrations") continue;
    const t = ident(s.table_name);
    await tx.query(
      `SELECT setval(pg_get_serial_sequence(${literal(t)}, ${literal(s.column_name)}), coalesce((SELECT max(${ident(s.column_name)}) FROM ${t}), 0) + 1, false)`,
    );
  }
}
