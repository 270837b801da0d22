import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  type Database,
  jurisdictions,
  migrate,
  type SavePlanResult,
  SETUP_LOCK,
  savePlanDocument,
  users,
  writeAudit,
} from "@ybplan/db";
import { referenceJurisdictions } from "@ybplan/domain/jurisdiction";
import { samplePlans } from "@ybplan/samples";
import { count } from "drizzle-orm";
import { generatePassword, hashPassword } from "./auth/password.ts";
import type { Logger, PlanImporter } from "./context.ts";
import { seedReferenceBatches } from "./services/procurement.ts";

/**
 * First start on an empty database (no users): the national jurisdiction list (provinces and
 * prefecture-level units, plus the sample counties), the five sample plans
 * read through the importer, and an administrator `admin` whose password is taken from
 * `adminPassword` or generated — a generated one is returned once (the caller prints it) and
 * must be changed at first sign-in. Migrations must have run.
 */
export interface SeedOptions {
  readonly importer: PlanImporter | null;
  readonly adminPassword?: string | undefined;
  readonly log?: Logger;
}

export interface SeedResult {
  readonly seeded: boolean;
  /** Generated one-time password of `admin` (null when given or not seeded). */
  readonly generatedAdminPassword: string | null;
  readonly plans: SavePlanResult[];
  readonly failures: { file: string; message: string }[];
}

const seedActor = { id: null, name: "系统初始化" };

/**
 * Start-up of a server process: migrations and first-run seeding under one advisory lock, so any
 * number of processes may start together on a fresh database; those that wait find it set up.
 */
export async function setUpDatabase(
  database: Database,
  options: SeedOptions,
): Promise<{ applied: string[]; seed: SeedResult }> {
  return database.withAdvisoryLock(SETUP_LOCK, async () => {
    const applied = await migrate(database);
    return { applied, seed: await seedUnlocked(database, options) };
  });
}

/** Seeds an empty database (holding the set-up lock; migrations must have run). */
export async function seedIfEmpty(database: Database, options: SeedOptions): Promise<SeedResult> {
  return database.withAdvisoryLock(SETUP_LOCK, () => seedUnlocked(database, options));
}

async function seedUnlocked(database: Database, options: SeedOptions): Promise<SeedResult> {
  const db = database.db;
  const [n] = await db.select({ n: count() }).from(users);
  if ((n?.n ?? 0) > 0) return { seeded: false, generatedAdminPassword: null, plans: [], failures: [] };

  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(jurisdictions)
      .values(referenceJurisdictions.map((j) => ({ ...j, updatedBy: seedActor.name })))
      .onConflictDoNothing()
      .returning();
    await writeAudit(
      tx,
      seedActor,
      inserted.map((j) => ({
        action: "create",
        entity: "jurisdiction",
        entityId: j.code,
        jurisdictionCode: j.code,
        after: j,
      })),
    );
  });

  const saved: SavePlanResult[] = [];
  const failures: { file: string; message: string }[] = [];
  if (options.importer) {
    for (const sample of samplePlans) {
      const file = basename(sample.path);
      try {
        const document = await options.importer({ fileName: file, bytes: readFileSync(sample.path) });
        saved.push(
          await savePlanDocument(db, document, seedActor, { jurisdictionCode: sample.jurisdictionCode }),
        );
      } catch (e) {
        // One unreadable sample must not stop the server from starting; it is logged and reported.
        failures.push({ file, message: e instanceof Error ? e.message : String(e) });
        options.log?.warn("seed.plan.failed", { file, error: e instanceof Error ? e.message : String(e) });
      }
    }
  } else {
    options.log?.warn("seed.plans.skipped", { reason: "no importer configured" });
  }

  // Reference data: the national procurement batches, so counts can be derived from day one.
  await seedReferenceBatches(db, seedActor);

  const generated = options.adminPassword ? null : generatePassword();
  const passwordHash = await hashPassword(options.adminPassword ?? generated!);
  await db.transaction(async (tx) => {
    const [admin] = await tx
      .insert(users)
      .values({
        username: "admin",
        displayName: "系统管理员",
        passwordHash,
        role: "admin",
        jurisdictionCode: null,
        mustChangePassword: generated !== null,
        updatedBy: seedActor.name,
      })
      .returning();
    const { passwordHash: _h, ...after } = admin!;
    await writeAudit(tx, seedActor, { action: "create", entity: "user", entityId: admin!.id, after });
  });
  return { seeded: true, generatedAdminPassword: generated, plans: saved, failures };
}
