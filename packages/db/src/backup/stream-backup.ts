import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { Data } from "effect";
import type { Database, RawTransaction } from "../client.ts";
import { columnsOf, ident, resetSequences, tableRows, tablesInOrder } from "./tables.ts";

/**
 * Streaming logical backup (format v2): newline-delimited JSON, gzip-compressed, written and read
 * row by row so memory stays flat for any database size. Plain SQL only, so a file moves between
 * the embedded database and PostgreSQL in either direction.
 *
 *   #ybplan.backup/v2 {"createdAt":…,"migrations":[…]}
 *   #table {"name":"plans","columns":["id",…]}
 *   {"id":"…","title":"…",…}                      one line per row, in primary-key order
 *   #end {"name":"plans","rows":5,"sha256":"…"}    count and hash of that table's row lines
 *   #done {"tables":31,"rows":123456,"sha256":"…"} hash of every line above
 *
 * A restore replaces all rows in one transaction, then re-reads every table and compares its
 * row count and content hash with the file's; any difference (or a damaged file) rolls back.
 */
export const StreamBackupFormat = "ybplan.backup/v2";

/** A backup file that cannot be restored (damaged, truncated, foreign, or from a newer schema). */
export class BackupFileError extends Data.TaggedError("BackupFileError")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason;
  }
}

export interface TableSummary {
  readonly table: string;
  readonly rows: number;
  readonly sha256: string;
}

export interface BackupSummary {
  readonly tables: TableSummary[];
  readonly rows: number;
  /** Hash of the file's content lines (what `#done` records). */
  readonly sha256: string;
  readonly migrations: string[];
}

/** Writes `line` + newline, waiting when the stream's buffer is full (backpressure). */
async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", resolve));
}

/** Dumps every table to `out` (uncompressed lines) inside the caller's transaction. */
export async function dumpTo(tx: RawTransaction, out: Writable): Promise<BackupSummary> {
  const file = createHash("sha256");
  const emit = async (line: string) => {
    file.update(`${line}\n`);
    await writeLine(out, line);
  };
  const migrations = (await tx.query<{ id: string }>("SELECT id FROM _migrations ORDER BY id")).map(
    (r) => r.id,
  );
  await emit(`#${StreamBackupFormat} ${JSON.stringify({ createdAt: new Date().toISOString(), migrations })}`);
  const tables: TableSummary[] = [];
  let total = 0;
  for (const table of await tablesInOrder(tx)) {
    const columns = await columnsOf(tx, table);
    await emit(`#table ${JSON.stringify({ name: table, columns })}`);
    const hash = createHash("sha256");
    let rows = 0;
    for await (const row of tableRows(tx, table, columns)) {
      hash.update(`${row}\n`);
      rows++;
      await emit(row);
    }
    const summary = { table, rows, sha256: hash.digest("hex") };
    tables.push(summary);
    total += rows;
    await emit(`#end ${JSON.stringify({ name: table, rows, sha256: summary.sha256 })}`);
  }
  const sha256 = file.digest("hex");
  await writeLine(out, `#done ${JSON.stringify({ tables: tables.length, rows: total, sha256 })}`);
  return { tables, rows: total, sha256, migrations };
}

/** Backs the database up to `path` (gzip), from one consistent snapshot. */
export async function backupToFile(
  database: Database,
  path: string,
): Promise<BackupSummary & { bytes: number }> {
  const gzip = createGzip({ level: 6 });
  const file = createWriteStream(path);
  gzip.pipe(file);
  const summary = await database.rawTransaction(async (tx) => {
    if (database.kind === "postgres")
      await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return dumpTo(tx, gzip);
  });
  gzip.end();
  await finished(file);
  return { ...summary, bytes: file.bytesWritten };
}

/** Content summary of the live database, computed exactly as a dump would (for verification). */
export async function summarizeDatabase(
  tx: RawTransaction,
  columnsByTable?: ReadonlyMap<string, readonly string[]>,
): Promise<TableSummary[]> {
  const out: TableSummary[] = [];
  for (const table of await tablesInOrder(tx)) {
    const hash = createHash("sha256");
    let rows = 0;
    for await (const row of tableRows(tx, table, columnsByTable?.get(table))) {
      hash.update(`${row}\n`);
      rows++;
    }
    out.push({ table, rows, sha256: hash.digest("hex") });
  }
  return out;
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * The file's lines, gunzipped when it is compressed; read lazily (constant memory). readline
 * consumes its input as soon as it exists, so the stream is opened only when iteration starts.
 */
async function* readLines(path: string): AsyncGenerator<string> {
  const gzip = await isGzip(path);
  const raw = createReadStream(path);
  const input: Readable = gzip ? raw.pipe(createGunzip()) : raw;
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    yield* rl;
  } finally {
    rl.close();
    raw.destroy();
  }
}

/** True when the file is a v2 (streaming) backup, compressed or not. */
export async function isStreamBackup(path: string): Promise<boolean> {
  const it = readLines(path);
  try {
    const first = await it.next();
    return !first.done && first.value.startsWith(`#${StreamBackupFormat} `);
  } catch {
    return false;
  } finally {
    await it.return(undefined);
  }
}

const marker = (line: string, name: string): unknown | null =>
  line.startsWith(`#${name} `) ? JSON.parse(line.slice(name.length + 2)) : null;

/** Rows per INSERT, and the text size at which a batch is sent early. */
const BATCH_ROWS = 200;
const BATCH_CHARS = 256 * 1024;

/**
 * Replaces every row of the database with the file's, in one transaction, and verifies the
 * result (row counts and content hashes per table) before committing. Throws BackupFileError for
 * a damaged or foreign file and when the file needs migrations this database lacks.
 */
export async function restoreFromFile(database: Database, path: string): Promise<BackupSummary> {
  return database.rawTransaction(async (tx) => {
    const fileHash = createHash("sha256");
    const order = await tablesInOrder(tx);
    const applied = new Set((await tx.query<{ id: string }>("SELECT id FROM _migrations")).map((r) => r.id));
    // Rows arrive parents first, but a table's rows may reference each other (parent plans, task
    // trees) in any order: foreign-key triggers stay off during the load (replica role, where
    // allowed), and the verification below compares every row with the file.
    const [role] = await tx.query<{ super: boolean }>(
      "SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user",
    );
    if (role?.super) await tx.exec("SET LOCAL session_replication_role = replica");
    if (order.length > 0) await tx.exec(`TRUNCATE ${order.map(ident).join(", ")} CASCADE`);

    let header: { migrations: string[] } | null = null;
    let table: string | null = null;
    let columns: string[] = [];
    const columnsByTable = new Map<string, string[]>();
    let batch: string[] = [];
    let batchChars = 0;
    let tableHash = createHash("sha256");
    let tableRowsSeen = 0;
    let done: { tables: number; rows: number; sha256: string } | null = null;
    const expected: TableSummary[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const json = `[${batch.join(",")}]`;
      let tag = `$ybplan_${randomBytes(6).toString("hex")}$`;
      while (json.includes(tag)) tag = `$ybplan_${randomBytes(6).toString("hex")}$`;
      // Only the backed-up columns: a column added by a later migration takes its default.
      const list = columns.map(ident).join(", ");
      await tx.exec(
        `INSERT INTO ${ident(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${ident(table)}, ${tag}${json}${tag})`,
      );
      batch = [];
      batchChars = 0;
    };
    const fail = (reason: string): never => {
      throw new BackupFileError({ reason });
    };

    for await (const line of readLines(path)) {
      if (done) fail("备份文件在结束标记之后还有内容");
      if (line.startsWith("#done ")) {
        done = marker(line, "done") as typeof done;
        continue;
      }
      fileHash.update(`${line}
`);
      if (!header) {
        const h = marker(line, StreamBackupFormat) as { migrations?: string[] } | null;
        if (!h || !Array.isArray(h.migrations)) fail("不是 ybplan 备份文件");
        const missing = h!.migrations!.filter((m) => !applied.has(m));
        if (missing.length > 0)
          fail(`备份来自更新版本的数据库（缺少迁移 ${missing.join("、")}），请先升级 ybplan`);
        header = { migrations: h!.migrations! };
        continue;
      }
      if (line.startsWith("#table ")) {
        const m = marker(line, "table") as { name: string; columns?: string[] };
        if (!order.includes(m.name)) fail(`备份中的表在当前数据库中不存在：${m.name}`);
        const currentColumns = await columnsOf(tx, m.name);
        const current = new Set(currentColumns);
        const gone = (m.columns ?? []).filter((c) => !current.has(c));
        if (gone.length > 0) fail(`备份中表 ${m.name} 的列在当前数据库中不存在：${gone.join("、")}`);
        table = m.name;
        columns = m.columns ?? currentColumns;
        columnsByTable.set(m.name, columns);
        tableHash = createHash("sha256");
        tableRowsSeen = 0;
        continue;
      }
      if (line.startsWith("#end ")) {
        const end = marker(line, "end") as { name: string; rows: number; sha256: string };
        await flush();
        if (end.name !== table || end.rows !== tableRowsSeen || end.sha256 !== tableHash.digest("hex")) {
          fail(`备份文件已损坏：表 ${end.name} 的行数或校验和不符`);
        }
        expected.push({ table: end.name, rows: end.rows, sha256: end.sha256 });
        table = null;
        continue;
      }
      if (!table) fail("备份文件格式错误：数据行不属于任何表");
      tableHash.update(`${line}
`);
      tableRowsSeen++;
      batch.push(line);
      batchChars += line.length;
      if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
    }
    if (!header) fail("不是 ybplan 备份文件");
    if (!done) fail("备份文件不完整（缺少结束标记），可能在写入时中断");
    const sha256 = fileHash.digest("hex");
    if (done!.sha256 !== sha256) fail("备份文件已损坏：整体校验和不符");

    await resetSequences(tx);
    // Verification: the database now holds exactly the file's rows, table by table.
    const actual = new Map((await summarizeDatabase(tx, columnsByTable)).map((s) => [s.table, s]));
    for (const e of expected) {
      const a = actual.get(e.table);
      if (!a || a.rows !== e.rows || a.sha256 !== e.sha256) {
        fail(`恢复校验失败：表 ${e.table} 的内容与备份不一致（${a?.rows ?? 0}/${e.rows} 行）`);
      }
    }
    return { tables: expected, rows: done!.rows, sha256, migrations: header!.migrations };
  });
}
