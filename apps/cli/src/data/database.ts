import { type Database, migrate, openDatabase } from "@ybplan/db";
import { Effect } from "effect";
import { Conflict, Failure, InvalidInput, messageOf, NotFound } from "../errors.ts";
import { dataDir } from "../paths.ts";

/** Where the data lives: PostgreSQL when `DATABASE_URL` is set, else the embedded database. */
export function databaseTarget(): { readonly kind: "postgres" | "pglite"; readonly where: string } {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: "postgres", where: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@") };
  return { kind: "pglite", where: dataDir() };
}

/**
 * Opens the database, brings its schema up to date (as the server does on start), runs `use`,
 * and closes it whatever happens.
 */
export function withDatabase<A, E>(
  use: (database: Database) => Effect.Effect<A, E>,
  options: { readonly migrate?: boolean } = {},
): Effect.Effect<A, E | Failure> {
  return Effect.acquireUseRelease(
    Effect.tryPromise({
      try: async () => {
        const url = process.env.DATABASE_URL;
        const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: dataDir() });
        if (options.migrate !== false) {
          try {
            await migrate(database);
          } catch (e) {
            await database.close();
            throw e;
          }
        }
        return database;
      },
      catch: (e) => new Failure({ message: `无法打开数据库（${databaseTarget().where}）：${databaseMessage(e)}` }),
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
  return Effect.tryPromise({ try: run, catch: (e) => new Failure({ message: `${what}失败：${databaseMessage(e)}` }) });
}

/** The db package's tagged errors as CLI errors (exit codes 3, 4, 5), anything else as a failure. */
export function fromDbError(what: string, e: unknown): NotFound | InvalidInput | Conflict | Failure {
  const tag = typeof e === "object" && e !== null && "_tag" in e ? String((e as { _tag: unknown })._tag) : "";
  const message = `${what}：${tag ? messageOf(e) : databaseMessage(e)}`;
  if (tag === "NotFoundError") return new NotFound({ message });
  if (tag === "ValidationError") {
    const issues = (e as { issues?: readonly { path: readonly unknown[]; message: string }[] }).issues ?? [];
    return new InvalidInput({
      message: `${what}：${issues[0]?.message ?? messageOf(e)}`,
      details: issues.map((i) => `${i.path.join(".")}：${i.message}`),
    });
  }
  if (tag === "ConflictError") return new Conflict({ message });
  return new Failure({ message });
}
