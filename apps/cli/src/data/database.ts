import { resolve } from "node:path";
import type { Database } from "@ybplan/db";
import { Effect } from "effect";
import { Failure, messageOf } from "../errors.ts";
import { dataDir, repoRoot } from "../paths.ts";

/** Where the data lives: PostgreSQL when `DATABASE_URL` is set, else the embedded database. */
export function databaseTarget(): { readonly kind: "postgres" | "pglite"; readonly where: string } {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: "postgres", where: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@") };
  return { kind: "pglite", where: dataDir() };
}

/**
 * The migrations this build knows. Read from the db package's folder by path, so the bundled CLI
 * (dist/ybplan.mjs) finds them as well as `tsx src/main.ts` does.
 */
export function migrationsDir(): string {
  return `${resolve(repoRoot(), "packages/db/migrations")}/`;
}

/**
 * Brings the schema up to date only when its version rows differ from this build's migrations: one
 * query on an up-to-date database instead of the migrator's transaction on each command. The whole
 * list is compared, not only the newest id: teams number migrations in ranges, so a lower number
 * can arrive after a higher one.
 */
async function ensureSchema(database: Database): Promise<void> {
  const db = await import("@ybplan/db");
  const files = db.migrationFiles(migrationsDir());
  const applied = await database.rawTransaction(async (tx) => {
    const [table] = await tx.query<{ t: string | null }>("SELECT to_regclass('_migrations')::text AS t");
    if (!table?.t) return null;
    const [row] = await tx.query<{ ids: string | null }>(
      `SELECT string_agg(id, ',' ORDER BY id COLLATE "C") AS ids FROM _migrations`,
    );
    return row?.ids ?? "";
  });
  if (applied === files.map((f) => f.id).join(",")) return;
  await db.migrate(database, files);
}

/**
 * Opens the database (PGlite or PostgreSQL, loaded only now: commands without data never pay
 * for it), brings the schema up to date if its version row is behind, runs `use`, and closes it
 * whatever happens.
 */
export function withDatabase<A, E>(
  use: (database: Database) => Effect.Effect<A, E>,
  options: { readonly migrate?: boolean } = {},
): Effect.Effect<A, E | Failure> {
  return Effect.acquireUseRelease(
    Effect.tryPromise({
      try: async () => {
        const { openDatabase } = await import("@ybplan/db");
        const url = process.env.DATABASE_URL;
        const database = await openDatabase(
          url ? { databaseUrl: url, listen: false } : { dataDir: dataDir(), compact: true },
        );
        if (options.migrate !== false) {
          try {
            await ensureSchema(database);
          } catch (e) {
            await database.close();
            throw e;
          }
        }
        return database;
      },
      catch: (e) =>
        new Failure({ message: `无法打开数据库（${databaseTarget().where}）：${databaseMessage(e)}` }),
    }),
    use,
    (database) => Effect.promise(() => database.close().catch(() => undefined)),
  );
}

/**
 * The database's own message: Drizzle wraps driver errors in "Failed query: <SQL> params: …",
 * which is no message for a user — the cause says what went wrong.
 */
export function databaseMessage(e: unknown): string {
  const cause = e instanceof Error && e.cause !== undefined ? e.cause : null;
  const text = messageOf(cause ?? e);
  return text.split("\n")[0]!.slice(0, 300);
}

/** A promise-returning database call as an Effect failing with `Failure`. */
export function query<A>(what: string, run: () => Promise<A>): Effect.Effect<A, Failure> {
  return Effect.tryPromise({
    try: run,
    catch: (e) => new Failure({ message: `${what}失败：${databaseMessage(e)}` }),
  });
}
