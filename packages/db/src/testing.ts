import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * Helpers for tests that need a real PostgreSQL (set YBPLAN_TEST_DATABASE_URL, e.g. from
 * tooling/scripts/start-postgres.sh). Without it such tests are skipped — unless
 * YBPLAN_REQUIRE_POSTGRES=1 (CI), where a missing server is an error.
 */
export function postgresTestUrl(): string | null {
  const url = process.env.YBPLAN_TEST_DATABASE_URL || null;
  if (!url && process.env.YBPLAN_REQUIRE_POSTGRES === "1") {
    throw new Error("YBPLAN_REQUIRE_POSTGRES=1 but YBPLAN_TEST_DATABASE_URL is not set");
  }
  return url;
}

export interface TestDatabase {
  /** Connection string of the fresh, empty database. */
  readonly url: string;
  /** Drops the database (terminating leftover connections). */
  drop(): Promise<void>;
}

/** Creates a fresh database on the test server (one per test file keeps files independent). */
export async function createTestDatabase(serverUrl: string, prefix = "ybplan_test"): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
