import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type Database, jurisdictions, migrate, migrationFiles, openDatabase } from "@ybplan/db";
import { createTestDatabase, postgresTestUrl } from "@ybplan/db/testing";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import type { PlanDocument } from "@ybplan/domain/plan";
import { importPlanDocument } from "@ybplan/importer";
import { type SamplePlanKey, samplePlans } from "@ybplan/samples";
import { Effect } from "effect";
import type { Role } from "../../src/auth/roles.ts";
import type { SessionUser } from "../../src/auth/session.ts";
import { type ErrorData, errorData, toTRPCError } from "../../src/errors.ts";
import { createCaller, createContextInner, type PlanImporter } from "../../src/index.ts";

/**
 * Scaffolding for tests of the router through `createCaller`, the way the CLI calls it:
 *
 *   const t = await testDatabase();              // migrated, with the sample jurisdictions
 *   const api = t.callerAs(userOf("planner", "420200"));
 *   await api.plans.create({ … });
 *   await t.close();
 *
 * The database is an in-memory PGlite, or a fresh PostgreSQL database on the server named by
 * YBPLAN_TEST_DATABASE_URL (dropped again by `close`).
 */

export type Caller = ReturnType<typeof createCaller>;

export interface TestDatabase {
  readonly database: Database;
  /** A caller signed in as `user` (an `importer` for import.preview, when the test needs one). */
  callerAs(user: SessionUser, options?: { readonly importer?: PlanImporter }): Caller;
  close(): Promise<void>;
}

export async function testDatabase(): Promise<TestDatabase> {
  const server = postgresTestUrl();
  const fresh = server ? await createTestDatabase(server, "ybplan_api_test") : null;
  const database = await openDatabase(fresh ? { databaseUrl: fresh.url, listen: false } : {});
  await migrate(database, migrationFiles());
  await database.db.insert(jurisdictions).values(sampleJurisdictions.map((j) => ({ ...j })));
  return {
    database,
    callerAs: (user, options = {}) =>
      createCaller(createContextInner({ database, user, importer: options.importer ?? null })),
    close: async () => {
      await database.close();
      await fresh?.drop();
    },
  };
}

/** A signed-in user of `role` limited to jurisdiction `code` (null: everywhere, for admins). */
export function userOf(role: Role, code: string | null, name = `${role}-${code ?? "all"}`): SessionUser {
  return {
    id: randomUUID(),
    username: name,
    displayName: name,
    role,
    jurisdictionCode: code,
    mustChangePassword: false,
  };
}

/**
 * The refusal of a call as a client over HTTP sees it: the tRPC code, the message and the
 * `error.data` payload the server's errorFormatter sends (`fields`, `rows`, `conflict`, …).
 * Fails the test when the call succeeds.
 */
export async function refusal(
  call: Promise<unknown>,
): Promise<{ code: string; message: string; data: ErrorData }> {
  try {
    await call;
  } catch (e) {
    const error = toTRPCError(e);
    return { code: error.code, message: error.message, data: errorData(error) };
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

/** A sample plan read by the importer, as an upload of its text would be (ready for import.commit). */
export function sampleDocument(key: SamplePlanKey): Promise<PlanDocument> {
  const sample = samplePlans.find((s) => s.key === key)!;
  return Effect.runPromise(
    importPlanDocument({ bytes: new Uint8Array(readFileSync(sample.path)), fileName: `${key}.txt` }),
  );
}

export type WorkIndicatorProposal = Awaited<
  ReturnType<Caller["workIndicators"]["propose"]>
>["proposals"][number];

/** The confirm input of a proposal taken as proposed: owner, name, unit, target, stages, source. */
export const confirmInputOf = (planId: string, p: WorkIndicatorProposal) => ({
  planId,
  owner: { kind: p.owner.kind, id: p.ownerId },
  name: p.name,
  unit: p.unit,
  targetText: p.target,
  stages: p.stages.map((s) => ({ year: s.year, targetText: s.target })),
  source: p.text,
});

/** Confirms every work indicator the plan's text proposes, as proposed, in proposal order. */
export async function confirmAllAsProposed(api: Caller, planId: string) {
  const { proposals } = await api.workIndicators.propose({ planId });
  const confirmed = [];
  for (const p of proposals) confirmed.push(await api.workIndicators.confirm(confirmInputOf(planId, p)));
  return { proposals, confirmed };
}
