import { randomUUID } from "node:crypto";
import { type Database, migrate, openDatabase } from "@ybplan/db";
import type { SessionUser } from "../src/auth/session.ts";
import { createCaller, createContextInner } from "../src/index.ts";
import { loadReferenceJurisdictions } from "../src/services/jurisdictions.ts";

/** A fresh PGlite database with every migration and the shipped jurisdiction list. */
export async function freshDatabase(): Promise<Database> {
  const database = await openDatabase();
  await migrate(database);
  await loadReferenceJurisdictions(database.db, { id: null, name: "测试初始化" });
  return database;
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
