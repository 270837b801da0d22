import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./client.ts";

/**
 * A tiny migrator: applies `migrations/NNNN_name.sql` in order, each once, recorded in
 * `_migrations`. All pending files run in one transaction under an advisory lock, so two server
 * processes starting together cannot both apply them.
 */
export const migrationsDir = fileURLToPath(new URL("../migrations/", import.meta.url));

/** Arbitrary constant naming ybplan's migration lock. */
const MIGRATION_LOCK = 727_100_1;
/**
 * Session advisory lock held while a process migrates and seeds a fresh database at start, so
 * processes started together set it up once; the ones that wait find the work done.
 */
export const SETUP_LOCK = 727_100_2;

export const MIGRATIONS_TABLE =
  "CREATE TABLE IF NOT EXISTS _migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";

export interface MigrationFile {
  readonly id: string;
  readonly sql: string;
}

export function migrationFiles(dir: string = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ""), sql: readFileSync(`${dir}${f}`, "utf8") }));
}

/**
 * Applies pending migrations; returns the ids applied now (empty when up to date). With this
 * program's own migrations (no `files`), a database that has others — a newer version migrated
 * it — is refused; an explicit list (tests) only adds what it names.
 */
export async function migrate(database: Database, explicit?: MigrationFile[]): Promise<string[]> {
  const files = explicit ?? migrationFiles();
  return database.rawTransaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.exec(MIGRATIONS_TABLE);
    const done = new Set((await tx.query<{ id: string }>("SELECT id FROM _migrations")).map((r) => r.id));
    // An older program must not run against a schema a newer one has changed.
    const known = new Set(files.map((f) => f.id));
    const unknown = explicit ? [] : [...done].filter((id) => !known.has(id)).sort();
    if (unknown.length > 0) {
      throw new Error(`数据库结构比本程序新（未知的迁移：${unknown.join("、")}）；请升级 ybplan 后再启动`);
    }
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file.id)) continue;
      await tx.exec(file.sql);
      await tx.exec(`INSERT INTO _migrations (id) VALUES ('${file.id.replace(/'/g, "''")}')`);
      applied.push(file.id);
    }
    return applied;
  });
}
