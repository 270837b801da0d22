import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import {
  applyChangeNotification,
  CHANGE_CHANNEL,
  ChangeTracker,
  openTrackers,
  registerRootHandle,
  transactionScopes,
} from "./changes.ts";
import { lockDataDir } from "./dir-lock.ts";
import { migratedSnapshot, snapshotWanted } from "./pglite-snapshot.ts";
import { keepStatistics } from "./pglite-statistics.ts";
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
  /** Seconds to wait for a PostgreSQL connection before failing (default 10). */
  readonly connectTimeoutSeconds?: number | undefined;
  /** PostgreSQL: cancel statements running longer than this (ms; default none). */
  readonly statementTimeoutMs?: number | undefined;
  /**
   * PostgreSQL TLS: "require" (encrypted, server not verified), "verify-full" (verified against the
   * system CAs or `caFile`'s PEM), or unset (the URL's `sslmode`, else none).
   */
  readonly ssl?: { readonly mode: "require" | "verify-full"; readonly ca?: string | undefined } | undefined;
  /** Listen for other processes' changes (PostgreSQL; default true). Short-lived tools pass false. */
  readonly listen?: boolean | undefined;
  /**
   * PGlite for a short-lived tool (the CLI): 16 MB of shared buffers instead of 128 MB, which
   * PostgreSQL touches at start — opens in half the time with half the memory.
   */
  readonly compact?: boolean | undefined;
}

/** Held until released; released too when the process (or its connection) dies. */
export interface AdvisoryLock {
  release(): Promise<void>;
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
  /** What changed, for caches of derived data (see changes.ts). */
  readonly changes: ChangeTracker;
  /**
   * Runs `fn` while holding the PostgreSQL advisory lock `key` (waiting for it), so one process at a
   * time does it: first-run set-up, migrations. On PGlite (one process) an in-process lock.
   */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Takes the advisory lock `key` if free (null when another process holds it). */
  tryAdvisoryLock(key: number): Promise<AdvisoryLock | null>;
  /**
   * Brings the planner's statistics up to date where many rows changed (PGlite, which has no
   * autovacuum; done every minute and after writes anyway) and returns the tables analysed. On
   * PostgreSQL autovacuum does it: nothing to do.
   */
  refreshStatistics(): Promise<readonly string[]>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.dataDir, options.compact === true);
}

/**
 * Every `db.transaction` collects the scopes its audit rows touched and marks them changed in
 * this process once it has committed (a reader that started earlier then sees its cache entry as
 * stale; one that starts later reads the committed data).
 */
function trackTransactions(
  db: Db,
  tracker: ChangeTracker,
  notify: boolean,
  onWrite: () => void = () => {},
): void {
  const original = db.transaction.bind(db);
  const tracked: typeof db.transaction = async (fn, config) => {
    const store = { tracker, notify, scopes: new Set<string>() };
    const result = await transactionScopes.run(store, () => original(fn, config));
    if (store.scopes.size > 0) tracker.changed(store.scopes);
    onWrite();
    return result;
  };
  (db as { transaction: typeof db.transaction }).transaction = tracked;
}

/** In-process advisory locks for PGlite, which one process owns. */
function localLocks() {
  const held = new Map<number, Promise<void>>();
  return {
    async with<T>(key: number, fn: () => Promise<T>): Promise<T> {
      while (held.has(key)) await held.get(key);
      let release!: () => void;
      held.set(key, new Promise<void>((r) => (release = r)));
      try {
        return await fn();
      } finally {
        held.delete(key);
        release();
      }
    },
    async try(key: number): Promise<AdvisoryLock | null> {
      if (held.has(key)) return null;
      let release!: () => void;
      held.set(key, new Promise<void>((r) => (release = r)));
      return {
        release: async () => {
          held.delete(key);
          release();
        },
      };
    },
  };
}

const compactParams = ["-c", "shared_buffers=16MB", "-c", "wal_buffers=1MB"];

async function openPglite(dataDir: string | undefined, compact: boolean): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    return await startPglite(dataDir, compact, release);
  } catch (e) {
    release();
    throw e;
  }
}

async function startPglite(
  dataDir: string | undefined,
  compact: boolean,
  release: () => void,
): Promise<Database> {
  // In-memory databases (tests, benches) are small: compact too.
  const options =
    compact || !dataDir ? { startParams: [...PGlite.defaultStartParams, ...compactParams] } : {};
  const client = dataDir
    ? await PGlite.create(dataDir, options)
    : snapshotWanted()
      ? await PGlite.create({ ...options, loadDataDir: await migratedSnapshot(() => PGlite.create(options)) })
      : await PGlite.create(options);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  // One process owns an embedded database: changes are known here at commit, no notifications.
  const changes = new ChangeTracker();
  openTrackers.add(changes);
  registerRootHandle(db, changes);
  const statistics = keepStatistics(client);
  trackTransactions(db, changes, false, statistics.noteWrite);
  const locks = localLocks();
  return {
    kind: "pglite",
    db,
    changes,
    withAdvisoryLock: (key, fn) => locks.with(key, fn),
    tryAdvisoryLock: (key) => locks.try(key),
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
    refreshStatistics: () => statistics.refresh(),
    close: async () => {
      openTrackers.delete(changes);
      await statistics.stop();
      await client.close();
      release();
    },
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const connectTimeout = options.connectTimeoutSeconds ?? 10;
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: connectTimeout,
    onnotice: () => {},
    ...connectionSettings(options),
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  const changes = new ChangeTracker();
  trackTransactions(db, changes, true);
  registerRootHandle(db, changes);
  const listener = options.listen === false ? null : await listenForChanges(url, options, changes);
  openTrackers.add(changes);
  const lockWith = async (key: number, wait: boolean): Promise<AdvisoryLock | null> => {
    // Session-level lock: held on one reserved connection until released or the connection dies.
    const conn = await client.reserve();
    try {
      if (wait) await conn`SELECT pg_advisory_lock(${key})`;
      else {
        const [row] = await conn<{ ok: boolean }[]>`SELECT pg_try_advisory_lock(${key}) AS ok`;
        if (!row?.ok) {
          conn.release();
          return null;
        }
      }
    } catch (e) {
      conn.release();
      throw e;
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        try {
          await conn`SELECT pg_advisory_unlock(${key})`;
        } finally {
          conn.release();
        }
      },
    };
  };
  return {
    kind: "postgres",
    db,
    changes,
    withAdvisoryLock: async (key, fn) => {
      const lock = (await lockWith(key, true))!;
      try {
        return await fn();
      } finally {
        await lock.release();
      }
    },
    tryAdvisoryLock: (key) => lockWith(key, false),
    refreshStatistics: async () => [],
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
    close: async () => {
      openTrackers.delete(changes);
      await listener?.close();
      await client.end({ timeout: 5 });
    },
  };
}

/** `application_name` of the change-notification connection. */
export const LISTENER_NAME = "ybplan-changes-listener";

/** TLS and statement timeout as postgres.js options. */
function connectionSettings(options: DatabaseOptions) {
  const ssl = options.ssl
    ? options.ssl.mode === "require"
      ? ("require" as const)
      : { rejectUnauthorized: true, ...(options.ssl.ca ? { ca: options.ssl.ca } : {}) }
    : undefined;
  return {
    ...(ssl ? { ssl } : {}),
    ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
  };
}

/**
 * One connection per process LISTENs for other processes' changes. While it is down nothing
 * cached is trusted; when it is back every cache is dropped (notifications may have been missed).
 */
async function listenForChanges(url: string, databaseOptions: DatabaseOptions, tracker: ChangeTracker) {
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  // `onnotify` is a connection option postgres.js supports but does not declare.
  const options = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    connect_timeout: databaseOptions.connectTimeoutSeconds ?? 10,
    fetch_types: false,
    // Named so an operator (and a test) can tell it from the pool's connections.
    connection: { application_name: LISTENER_NAME },
    ...connectionSettings({ ...databaseOptions, statementTimeoutMs: undefined }),
    onnotice: () => {},
    onnotify: (_channel: string, payload: string) => applyChangeNotification(tracker, payload),
    onclose: () => {
      if (closed) return;
      tracker.setCoherent(false);
      scheduleListen();
    },
  };
  const sql = postgres(url, options as postgres.Options<Record<string, never>>);
  const listen = async () => {
    await sql.unsafe(`LISTEN ${CHANGE_CHANNEL}`);
    tracker.setCoherent(true);
  };
  // Notifications arrive on this connection ahead of a query's result: a round trip flushes them.
  tracker.setSyncer(async () => {
    await sql.unsafe("SELECT 1");
  });
  function scheduleListen() {
    if (retry || closed) return;
    retry = setTimeout(() => {
      retry = null;
      listen().catch(() => scheduleListen());
    }, 500);
    retry.unref();
  }
  try {
    await listen();
  } catch (e) {
    await sql.end({ timeout: 1 });
    throw e;
  }
  return {
    close: async () => {
      closed = true;
      tracker.setSyncer(null);
      if (retry) clearTimeout(retry);
      await sql.end({ timeout: 2 });
    },
  };
}
