import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { type Database, jurisdictions, writeAudit } from "@ybplan/db";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import { sampleObservations } from "@ybplan/domain/report";
import { samplePlans } from "@ybplan/samples";
import { systemUser } from "./auth/session.ts";
import { createContextInner, type PlanImporter } from "./context.ts";
import { createCaller } from "./root.ts";
import { seedReferenceBatches } from "./services/procurement.ts";

/**
 * The sample data of `ybplan db seed`, written through the router like any other client's data:
 * the sample jurisdictions, the five sample plans (import.commit: a re-seed updates them in
 * place), the national procurement batches and their implementation in the sample plans'
 * provinces (national batches are rolled out everywhere; batches 1–3 give the 2020 baseline of
 * 112), bindings of the indicators whose names name a procurement count (so their values are
 * derived from those records), and, when asked, deterministic demo
 * observations for the cells that hold no value yet (observations.upsertYear: validated and
 * audited; an existing value is never overwritten).
 */

export interface SampleDataOptions {
  readonly importer: PlanImporter;
  /** Write demo observations from each plan's baseline up to this year (null: none). */
  readonly observationsUpTo?: number | null;
}

export interface SampleDataResult {
  readonly plans: readonly { readonly title: string; readonly planId: string; readonly created: boolean }[];
  readonly implementations: number;
  readonly bindings: number;
  readonly observations: number;
}

const actorName = "系统初始化";

export async function seedSampleData(
  database: Database,
  options: SampleDataOptions,
): Promise<SampleDataResult> {
  const actor = { id: null, name: actorName };
  // Reference data without a procedure of its own: idempotent, audited inserts.
  await database.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(jurisdictions)
      .values(sampleJurisdictions.map((j) => ({ ...j, updatedBy: actorName })))
      .onConflictDoNothing()
      .returning();
    await writeAudit(
      tx,
      actor,
      inserted.map((j) => ({
        action: "create",
        entity: "jurisdiction",
        entityId: j.code,
        jurisdictionCode: j.code,
        after: j,
      })),
    );
  });
  await seedReferenceBatches(database.db, actor);

  const api = createCaller(
    createContextInner({ database, user: systemUser(actorName), importer: options.importer }),
  );
  const plans: { title: string; planId: string; created: boolean }[] = [];
  let bindings = 0;
  let observations = 0;
  for (const sample of samplePlans) {
    const document = await options.importer({
      fileName: basename(sample.path),
      bytes: readFileSync(sample.path),
    });
    const saved = await api.import.commit({ document, jurisdictionCode: sample.jurisdictionCode });
    plans.push({ title: document.plan.title, planId: saved.planId, created: saved.created });

    for (const b of await api.procurement.bindings.list({ planId: saved.planId })) {
      if (b.category !== null || b.suggested === null) continue;
      await api.procurement.bindings.set({ indicatorId: b.indicatorId, category: b.suggested });
      bindings++;
    }

    const upTo = options.observationsUpTo ?? null;
    if (upTo === null) continue;
    const plan = await api.plans.get({ id: saved.planId });
    const indicators = await api.indicators.list({ planId: saved.planId });
    const stored = await api.observations.list({ planId: saved.planId, toYear: upTo });
    const have = new Set(stored.map((o) => `${o.indicatorId}|${o.subject ?? ""}|${o.year}`));
    const fresh = sampleObservations(plan, indicators, { seed: 2021, lastYear: upTo }).filter(
      (o) => !have.has(`${o.indicatorId}|${o.subject ?? ""}|${o.year}`),
    );
    for (const year of [...new Set(fresh.map((o) => o.year))].sort()) {
      const rows = fresh
        .filter((o) => o.year === year)
        .map((o) => ({
          indicatorId: o.indicatorId,
          subject: o.subject ?? null,
          value: o.value,
          source: o.source,
          note: "示例数据（ybplan db seed --observations）",
          version: null,
        }));
      await api.observations.upsertYear({ planId: saved.planId, year, rows });
      observations += rows.length;
    }
  }
  const implementations = await implementNationalBatches(api, [
    ...new Set(samplePlans.map((p) => p.jurisdictionCode)),
  ]);
  return { plans, implementations, bindings, observations };
}

type Caller = ReturnType<typeof createCaller>;

/** The province of each code, and every national batch implemented there from its announcement. */
async function implementNationalBatches(api: Caller, codes: readonly string[]): Promise<number> {
  const provinces = new Set<string>();
  for (let code of codes) {
    for (let j = await api.jurisdictions.get({ code }); j.parentCode !== null; ) {
      code = j.parentCode;
      j = await api.jurisdictions.get({ code });
    }
    provinces.add(code);
  }
  const batches = await api.procurement.batches.list({ level: "national" });
  let created = 0;
  for (const province of provinces) {
    const done = new Set(
      (await api.procurement.implementations.list({ jurisdictionCode: province }))
        .filter((i) => !i.inherited)
        .map((i) => i.batchId),
    );
    for (const b of batches) {
      if (done.has(b.id)) continue;
      await api.procurement.implementations.create({
        batchId: b.id,
        jurisdictionCode: province,
        // "2019-09" → the first of the month: the count takes implementations started by 31 December.
        startDate: b.announced.length === 7 ? `${b.announced}-01` : b.announced,
        agreedVolume: null,
        completionRatePct: null,
        savingsWanYuan: null,
        note: "示例数据：国家组织集中带量采购批次在全国执行",
      });
      created++;
    }
  }
  return created;
}
