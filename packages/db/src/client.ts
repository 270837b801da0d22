import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

/**
 * Opens ybplan's database: embedded PGlite (default; a data directory, or in memory) or a real
 * PostgreSQL (`databaseUrl`). Both run the same SQL and expose the same Drizzle API.
 */
export type Schema = typeof schema;
/** The Drizzle database (or a transaction: `PgTransaction` extends it). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseOptions {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory (created if missing). Omit both for an in-memory database. */
  readonly dataDir?: string | undefined;
  /** Maximum PostgreSQL connections (default 10). */
  readonly maxConnections?: number | undefined;
}

/** Raw access for scripts that Drizzle's single-statement API does not cover (migrations). */
export interface RawTransaction {
  /** Runs a script of several statements (no parameters). */
  exec(sqlText: string): Promise<void>;
  /** Runs one statement and returns its rows. */
  query<Row extends Record<string, unknown>>(sqlText: string): Promise<Row[]>;
}

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** Runs `fn` in one transaction on the raw driver. */
  rawTransaction<T>(fn: (tx: RawTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    rawTransaction: (fn) =>
      client.transaction((tx) =>
        fn({
          exec: async (text) => {
            await tx.exec(text);
          },
          query: async <Row extends Record<string, unknown>>(text: string) =>
            (await tx.query<Row>(text)).rows,
        }),
      ),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    rawTransaction: async (fn) =>
      (await client.begin((tx) =>
        fn({
          exec: async (text) => {
            await tx.unsafe(text);
          },
          query: async <Row extends Record<string, unknown>>(text: string) =>
            (await tx.unsafe(text)) as unknown as Row[],
        }),
      )) as Awaited<ReturnType<typeof fn>>,
    close: () => client.end({ timeout: 5 }),
  };
}
