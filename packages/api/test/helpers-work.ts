import { randomUUID } from "node:crypto";
import { type Database, migrate, openDatabase } from "@ybplan/db";
import { createTestDatabase, postgresTestUrl } from "@ybplan/db/testing";
import type { SessionUser } from "../src/auth/session.ts";
import { createCaller, createContextInner } from "../src/index.ts";
import { loadReferenceJurisdictions } from "../src/services/jurisdictions.ts";

/**
 * A fresh database with every migration and the shipped jurisdiction list: a new PostgreSQL
 * database when YBPLAN_TEST_DATABASE_URL is set (dropped by `close`), embedded PGlite otherwise.
 */
export async function freshDatabase(): Promise<Database> {
  const pg = postgresTestUrl();
  const fresh = pg ? await createTestDatabase(pg) : null;
  const database = await openDatabase(fresh ? { databaseUrl: fresh.url } : {});
  await migrate(database);
  await loadReferenceJurisdictions(database.db, { id: null, name: "测试初始化" });
  if (!fresh) return database;
  const close = database.close.bind(database);
  return Object.assign(database, {
    close: async () => {
      await close();
      await fresh.drop();
    },
  });
}

export const user = (
  role: SessionUser["role"],
  jurisdictionCode: string | null,
  name: string,
): SessionUser => ({
  id: randomUUID(),
  username: name,
  displayName: name,
  role,
  jurisdictionCode,
  mustChangePassword: false,
});

export const callerFor = (database: Database, u: SessionUser) =>
  createCaller(createContextInner({ database, user: u }));
