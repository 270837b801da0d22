import {
  type Actor,
  ConflictError,
  type Db,
  indicators,
  jurisdictions,
  NotFoundError,
  observations,
  plans,
  procurementBatches,
  procurementBindings,
  procurementImplementations,
  procurementVarieties,
  writeAudit,
} from "@ybplan/db";
import {
  type Batch,
  batchLevelLabels,
  checkManualObservation,
  countVarieties,
  cumulativeCountSeries,
  type DerivedProcurementValue,
  deriveProcurementValue,
  dosageFormGroupLabels,
  type Implementation,
  importBatchTable,
  importImplementationTable,
  importVarietyTable,
  indexProcurementData,
  type ManualValueCheck,
  nationalBatches,
  type ProcurementCategory,
  type ProcurementData,
  type ProcurementIndex,
  procurementCategoryForIndicatorName,
  procurementCategoryLabels,
  procurementCategoryUnits,
  type RawTable,
  type RowIssue,
  toObservation,
  type Variety,
  varietyKey,
  varietyLabel,
  withDerivedObservations,
  yearEnd,
  buildProcurementSection,
} from "@ybplan/domain/procurement";
import type { ProcurementSection } from "@ybplan/domain/report";
import type { Observation } from "@ybplan/domain/observation";
import { prepareCellText, type TargetExpression } from "@ybplan/domain/target";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { bump } from "@ybplan/db";
import { Result } from "effect";
import { iso } from "./common.ts";
import { deleteVersioned, updateVersioned } from "./versioned-write.ts";

/**
 * Procurement records in the database ↔ the domain's counting. Everything that counts loads the
 * records into `ProcurementData` and lets `@ybplan/domain/procurement` do the de-duplication, so
 * the API, the admin chart and the report can never disagree.
 */

type BatchRow = typeof procurementBatches.$inferSelect;
type VarietyRow = typeof procurementVarieties.$inferSelect;
type ImplementationRow = typeof procurementImplementations.$inferSelect;

function varietyOf(r: VarietyRow): Variety {
  return r.kind === "drug"
    ? {
        kind: "drug",
        genericName: r.genericName ?? "",
        dosageForm: r.dosageForm ?? "",
        dosageFormGroup: r.dosageFormGroup ?? "other",
        priceCutPct: r.priceCutPct,
        note: r.note,
      }
    : { kind: "consumable", productClass: r.productClass ?? "", priceCutPct: r.priceCutPct, note: r.note };
}

function batchOf(r: BatchRow, varieties: readonly VarietyRow[]): Batch {
  return {
    id: r.id,
    level: r.level,
    name: r.name,
    announced: r.announced,
    category: r.category,
    averagePriceCutPct: r.averagePriceCutPct,
    sourceUrl: r.sourceUrl,
    regionCodes: r.regionCodes,
    varieties:
      r.publishedCount !== null
        ? { kind: "countOnly", count: r.publishedCount }
        : { kind: "listed", items: varieties.map(varietyOf) },
    retenderOf: r.retenderOf,
    note: r.note,
  };
}

function implementationOf(r: ImplementationRow): Implementation {
  return {
    batchId: r.batchId,
    jurisdictionCode: r.jurisdictionCode,
    startDate: r.startDate,
    agreedVolume: r.agreedVolume,
    completionRatePct: r.completionRatePct,
    savingsWanYuan: r.savingsWanYuan,
    note: r.note,
  };
}

async function loadBatches(db: Db): Promise<{ rows: BatchRow[]; batches: Batch[] }> {
  const rows = await db
    .select()
    .from(procurementBatches)
    .orderBy(asc(procurementBatches.announced), asc(procurementBatches.name));
  const vs = await db
    .select()
    .from(procurementVarieties)
    .orderBy(asc(procurementVarieties.batchId), asc(procurementVarieties.position));
  const byBatch = new Map<string, VarietyRow[]>();
  for (const v of vs) {
    const list = byBatch.get(v.batchId);
    if (list) list.push(v);
    else byBatch.set(v.batchId, [v]);
  }
  return { rows, batches: rows.map((r) => batchOf(r, byBatch.get(r.id) ?? [])) };
}

/** All records, as the domain counts them. */
export async function loadProcurementData(db: Db): Promise<ProcurementData> {
  const { batches } = await loadBatches(db);
  const impls = await db.select().from(procurementImplementations);
  const js = await db
    .select({ code: jurisdictions.code, parentCode: jurisdictions.parentCode })
    .from(jurisdictions);
  return { batches, implementations: impls.map(implementationOf), jurisdictions: js };
}

/** Indexed records; inconsistent stored data (impossible through this API) is an internal error. */
export async function loadProcurementIndex(db: Db): Promise<ProcurementIndex> {
  return Result.getOrThrow(indexProcurementData(await loadProcurementData(db)));
}

// ---------------------------------------------------------------- batches

export interface BatchSummary {
  id: string;
  ref: string | null;
  level: Batch["level"];
  levelLabel: string;
  name: string;
  announced: string;
  category: ProcurementCategory;
  categoryLabel: string;
  averagePriceCutPct: number | null;
  sourceUrl: string | null;
  regionCodes: string[];
  /** True when only the published count is held (counts using it are estimates). */
  countOnly: boolean;
  /** Listed varieties, or the published count. */
  varietyCount: number;
  unit: string;
  retenderOf: { id: string; name: string } | null;
  implementationCount: number;
  note: string | null;
  version: number;
  updatedAt: string | null;
}

function summaryOf(r: BatchRow, b: Batch, names: Map<string, string>, implCount: number): BatchSummary {
  return {
    id: r.id,
    ref: r.ref,
    level: r.level,
    levelLabel: batchLevelLabels[r.level],
    name: r.name,
    announced: r.announced,
    category: r.category,
    categoryLabel: procurementCategoryLabels[r.category],
    averagePriceCutPct: r.averagePriceCutPct,
    sourceUrl: r.sourceUrl,
    regionCodes: r.regionCodes,
    countOnly: b.varieties.kind === "countOnly",
    varietyCount: b.varieties.kind === "countOnly" ? b.varieties.count : b.varieties.items.length,
    unit: procurementCategoryUnits[r.category],
    retenderOf: r.retenderOf ? { id: r.retenderOf, name: names.get(r.retenderOf) ?? "" } : null,
    implementationCount: implCount,
    note: r.note,
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

export async function listBatches(
  db: Db,
  filter: { category?: ProcurementCategory | undefined; level?: Batch["level"] | undefined },
): Promise<BatchSummary[]> {
  const { rows, batches } = await loadBatches(db);
  const counts = await db
    .select({ batchId: procurementImplementations.batchId, n: count() })
    .from(procurementImplementations)
    .groupBy(procurementImplementations.batchId);
  const implCount = new Map(counts.map((c) => [c.batchId, Number(c.n)]));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return rows
    .map((r, i) => summaryOf(r, batches[i]!, names, implCount.get(r.id) ?? 0))
    .filter(
      (s) =>
        (!filter.category || s.category === filter.category) && (!filter.level || s.level === filter.level),
    );
}

export interface VarietyDto {
  id: string;
  position: number;
  label: string;
  key: string;
  kind: "drug" | "consumable";
  genericName: string | null;
  dosageForm: string | null;
  dosageFormGroup: string | null;
  dosageFormGroupLabel: string | null;
  productClass: string | null;
  priceCutPct: number | null;
  note: string | null;
}

export async function getBatch(db: Db, id: string): Promise<BatchSummary & { varieties: VarietyDto[] }> {
  const [row] = await db.select().from(procurementBatches).where(eq(procurementBatches.id, id));
  if (!row) throw new NotFoundError({ entity: "procurementBatch", entityId: id });
  const vs = await db
    .select()
    .from(procurementVarieties)
    .where(eq(procurementVarieties.batchId, id))
    .orderBy(asc(procurementVarieties.position));
  const origin = row.retenderOf
    ? (
        await db
          .select({ id: procurementBatches.id, name: procurementBatches.name })
          .from(procurementBatches)
          .where(eq(procurementBatches.id, row.retenderOf))
      )[0]
    : undefined;
  const [n] = await db
    .select({ n: count() })
    .from(procurementImplementations)
    .where(eq(procurementImplementations.batchId, id));
  const names = new Map(origin ? [[origin.id, origin.name]] : []);
  return {
    ...summaryOf(row, batchOf(row, vs), names, Number(n?.n ?? 0)),
    varieties: vs.map((v) => {
      const d = varietyOf(v);
      return {
        id: v.id,
        position: v.position,
        label: varietyLabel(d),
        key: v.varietyKey,
        kind: v.kind,
        genericName: v.genericName,
        dosageForm: v.dosageForm,
        dosageFormGroup: v.dosageFormGroup,
        dosageFormGroupLabel: v.dosageFormGroup ? dosageFormGroupLabels[v.dosageFormGroup] : null,
        productClass: v.productClass,
        priceCutPct: v.priceCutPct,
        note: v.note,
      };
    }),
  };
}

/** Inserts the shipped national batches that are missing (matched by `ref`); returns how many. */
export async function seedReferenceBatches(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: procurementBatches.id, ref: procurementBatches.ref, name: procurementBatches.name })
      .from(procurementBatches);
    const idByRef = new Map(existing.filter((e) => e.ref).map((e) => [e.ref!, e.id]));
    const names = new Set(existing.map((e) => e.name));
    let inserted = 0;
    const audit = [];
    // Reference order puts every origin before its retenders.
    for (const b of nationalBatches) {
      if (idByRef.has(b.id) || names.has(b.name)) continue;
      const [row] = await tx
        .insert(procurementBatches)
        .values({
          ref: b.id,
          level: b.level,
          name: b.name,
          announced: b.announced,
          category: b.category,
          averagePriceCutPct: b.averagePriceCutPct,
          sourceUrl: b.sourceUrl,
          regionCodes: b.regionCodes,
          publishedCount: b.varieties.kind === "countOnly" ? b.varieties.count : null,
          retenderOf: b.retenderOf ? (idByRef.get(b.retenderOf) ?? null) : null,
          note: b.note,
          updatedBy: actor.name,
        })
        .returning();
      idByRef.set(b.id, row!.id);
      if (b.varieties.kind === "listed") await insertVarieties(tx, row!.id, 0, b.varieties.items);
      inserted++;
      audit.push({
        action: "create",
        entity: "procurementBatch",
        entityId: row!.id,
        jurisdictionCode: null,
        after: row,
      });
    }
    await writeAudit(tx, actor, audit);
    return inserted;
  });
}

async function insertVarieties(
  tx: Db,
  batchId: string,
  after: number,
  items: readonly Variety[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(procurementVarieties).values(
    items.map((v, i) => ({
      batchId,
      position: after + i + 1,
      kind: v.kind,
      genericName: v.kind === "drug" ? v.genericName : null,
      dosageForm: v.kind === "drug" ? v.dosageForm : null,
      dosageFormGroup: v.kind === "drug" ? v.dosageFormGroup : null,
      productClass: v.kind === "consumable" ? v.productClass : null,
      varietyKey: varietyKey(v),
      priceCutPct: v.priceCutPct,
      note: v.note,
    })),
  );
}

// ---------------------------------------------------------------- import

export type ImportKind = "batches" | "varieties" | "implementations";

/** Who may write what: the router passes a check that throws ForbiddenError. */
export type ImportGuard = (
  need:
    | { kind: "batch"; level: Batch["level"]; regionCodes: readonly string[] }
    | { kind: "implementation"; jurisdictionCode: string },
) => Promise<void>;

export type ImportOutcome =
  | { ok: true; kind: ImportKind; created: number; warnings: string[] }
  | { ok: false; kind: ImportKind; issues: RowIssue[] };

/** Validates the whole table in the domain, then saves all of it in one transaction, or nothing. */
export async function importProcurementTable(
  db: Db,
  actor: Actor,
  kind: ImportKind,
  table: RawTable,
  guard: ImportGuard,
): Promise<ImportOutcome> {
  const { batches } = await loadBatches(db);
  if (kind === "batches") {
    const r = importBatchTable(table, { existing: batches, newId: () => crypto.randomUUID() });
    if (Result.isFailure(r)) return { ok: false, kind, issues: [...r.failure.issues] };
    for (const b of r.success) await guard({ kind: "batch", level: b.level, regionCodes: b.regionCodes });
    await db.transaction(async (tx) => {
      // Origins first, so a retender's foreign key always finds its row.
      const ordered = [...r.success].sort(
        (a, b) => Number(a.retenderOf !== null) - Number(b.retenderOf !== null),
      );
      const audit = [];
      for (const b of ordered) {
        const [row] = await tx
          .insert(procurementBatches)
          .values({
            id: b.id,
            level: b.level,
            name: b.name,
            announced: b.announced,
            category: b.category,
            averagePriceCutPct: b.averagePriceCutPct,
            sourceUrl: b.sourceUrl,
            regionCodes: b.regionCodes,
            publishedCount: b.varieties.kind === "countOnly" ? b.varieties.count : null,
            retenderOf: b.retenderOf,
            note: b.note,
            updatedBy: actor.name,
          })
          .returning();
        audit.push({
          action: "import",
          entity: "procurementBatch",
          entityId: b.id,
          jurisdictionCode: b.regionCodes[0] ?? null,
          after: row,
        });
      }
      await writeAudit(tx, actor, audit);
    });
    return { ok: true, kind, created: r.success.length, warnings: [] };
  }

  if (kind === "varieties") {
    const r = importVarietyTable(table, batches);
    if (Result.isFailure(r)) return { ok: false, kind, issues: [...r.failure.issues] };
    const byId = new Map(batches.map((b) => [b.id, b]));
    for (const a of r.success) {
      const b = byId.get(a.batchId)!;
      await guard({ kind: "batch", level: b.level, regionCodes: b.regionCodes });
    }
    await db.transaction(async (tx) => {
      const audit = [];
      for (const a of r.success) {
        const [locked] = await tx
          .select()
          .from(procurementBatches)
          .where(eq(procurementBatches.id, a.batchId))
          .for("update");
        if (!locked) throw new NotFoundError({ entity: "procurementBatch", entityId: a.batchId });
        const [last] = await tx
          .select({ n: count() })
          .from(procurementVarieties)
          .where(eq(procurementVarieties.batchId, a.batchId));
        await insertVarieties(tx, a.batchId, Number(last?.n ?? 0), a.varieties);
        const [after] = await tx
          .update(procurementBatches)
          .set({
            publishedCount: null,
            version: locked.version + 1,
            updatedAt: new Date(),
            updatedBy: actor.name,
          })
          .where(eq(procurementBatches.id, a.batchId))
          .returning();
        audit.push({
          action: "importVarieties",
          entity: "procurementBatch",
          entityId: a.batchId,
          jurisdictionCode: locked.regionCodes[0] ?? null,
          before: locked,
          after: { ...after, addedVarieties: a.varieties.length },
        });
      }
      await writeAudit(tx, actor, audit);
    });
    const warnings = r.success
      .filter((a) => a.publishedCount !== null)
      .map((a) => {
        const b = byId.get(a.batchId)!;
        const listed = (b.varieties.kind === "listed" ? b.varieties.items.length : 0) + a.varieties.length;
        return `批次“${b.name}”公布数量为${a.publishedCount}，导入后列明${listed}个，请核对`;
      });
    return { ok: true, kind, created: r.success.reduce((s, a) => s + a.varieties.length, 0), warnings };
  }

  const existing = (await db.select().from(procurementImplementations)).map(implementationOf);
  const known = new Set(
    (await db.select({ code: jurisdictions.code }).from(jurisdictions)).map((j) => j.code),
  );
  const r = importImplementationTable(table, { batches, existing });
  if (Result.isFailure(r)) return { ok: false, kind, issues: [...r.failure.issues] };
  // The domain checks the code's shape; only the database knows which jurisdictions exist.
  const unknown = table.rows.flatMap((row, i) => {
    const impl = r.success[i];
    return impl && !known.has(impl.jurisdictionCode)
      ? [{ line: row.line, field: null, message: `行政区划代码 ${impl.jurisdictionCode} 不存在` }]
      : [];
  });
  if (unknown.length > 0) return { ok: false, kind, issues: unknown };
  for (const i of r.success) await guard({ kind: "implementation", jurisdictionCode: i.jurisdictionCode });
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(procurementImplementations)
      .values(r.success.map((i) => ({ ...i, updatedBy: actor.name })))
      .returning();
    await writeAudit(
      tx,
      actor,
      rows.map((row) => ({
        action: "import",
        entity: "procurementImplementation",
        entityId: row.id,
        jurisdictionCode: row.jurisdictionCode,
        after: row,
      })),
    );
  });
  return { ok: true, kind, created: r.success.length, warnings: [] };
}

// ---------------------------------------------------------------- implementations

export interface ImplementationDto {
  id: string;
  batchId: string;
  batchName: string;
  batchLevel: Batch["level"];
  category: ProcurementCategory;
  jurisdictionCode: string;
  jurisdictionName: string;
  /** True when the record belongs to an ancestor (a provincial rollout covering this jurisdiction). */
  inherited: boolean;
  startDate: string;
  agreedVolume: number | null;
  completionRatePct: number | null;
  savingsWanYuan: number | null;
  note: string | null;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Records of the jurisdiction and of its ancestors (which apply to it), latest first. */
export async function listImplementations(
  db: Db,
  codes: { own: string; ancestors: readonly string[] },
): Promise<ImplementationDto[]> {
  const rows = await db
    .select({ i: procurementImplementations, b: procurementBatches, jurisdictionName: jurisdictions.name })
    .from(procurementImplementations)
    .innerJoin(procurementBatches, eq(procurementBatches.id, procurementImplementations.batchId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, procurementImplementations.jurisdictionCode))
    .where(inArray(procurementImplementations.jurisdictionCode, [codes.own, ...codes.ancestors]))
    .orderBy(asc(procurementImplementations.startDate));
  return rows.map(({ i, b, jurisdictionName }) => ({
    id: i.id,
    batchId: b.id,
    batchName: b.name,
    batchLevel: b.level,
    category: b.category,
    jurisdictionCode: i.jurisdictionCode,
    jurisdictionName,
    inherited: i.jurisdictionCode !== codes.own,
    startDate: i.startDate,
    agreedVolume: i.agreedVolume,
    completionRatePct: i.completionRatePct,
    savingsWanYuan: i.savingsWanYuan,
    note: i.note,
    version: i.version,
    updatedBy: i.updatedBy,
    updatedAt: iso(i.updatedAt),
  }));
}

export async function implementationJurisdiction(db: Db, id: string): Promise<string> {
  const [row] = await db
    .select({ code: procurementImplementations.jurisdictionCode })
    .from(procurementImplementations)
    .where(eq(procurementImplementations.id, id));
  if (!row) throw new NotFoundError({ entity: "procurementImplementation", entityId: id });
  return row.code;
}

export interface ImplementationFields {
  startDate: string;
  agreedVolume: number | null;
  completionRatePct: number | null;
  savingsWanYuan: number | null;
  note: string | null;
}

export async function createImplementation(
  db: Db,
  actor: Actor,
  input: { batchId: string; jurisdictionCode: string } & ImplementationFields,
): Promise<ImplementationRow> {
  const [batch] = await db.select().from(procurementBatches).where(eq(procurementBatches.id, input.batchId));
  if (!batch) throw new NotFoundError({ entity: "procurementBatch", entityId: input.batchId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(procurementImplementations)
      .values({ ...input, updatedBy: actor.name })
      .onConflictDoNothing({
        target: [procurementImplementations.batchId, procurementImplementations.jurisdictionCode],
      })
      .returning();
    if (!row) {
      const [cur] = await tx
        .select()
        .from(procurementImplementations)
        .where(
          and(
            eq(procurementImplementations.batchId, input.batchId),
            eq(procurementImplementations.jurisdictionCode, input.jurisdictionCode),
          ),
        );
      throw new ConflictError({
        entity: "procurementImplementation",
        entityId: cur?.id ?? "",
        expectedVersion: null,
        currentVersion: cur?.version ?? null,
        changedBy: cur?.updatedBy ?? null,
        changedAt: iso(cur?.updatedAt),
      });
    }
    await writeAudit(tx, actor, {
      action: "create",
      entity: "procurementImplementation",
      entityId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      after: row,
    });
    return row;
  });
}

/** Versioned edit of an implementation record; `code` is its jurisdiction (checked by the caller). */
export function updateImplementation(
  db: Db,
  actor: Actor,
  code: string,
  input: { id: string; version: number; data: Partial<ImplementationFields> },
): Promise<ImplementationRow> {
  return updateVersioned(db, actor, procurementImplementations, "procurementImplementation", code, input);
}

export async function deleteImplementation(
  db: Db,
  actor: Actor,
  code: string,
  input: { id: string; version: number },
): Promise<void> {
  await deleteVersioned(db, actor, procurementImplementations, "procurementImplementation", code, input);
}

// ---------------------------------------------------------------- counts, targets, bindings

/** The plan target of a procurement count in a jurisdiction ("> 500"), from a bound or recognised indicator. */
export interface CountTarget {
  indicatorId: string;
  indicatorName: string;
  planTitle: string;
  targetText: string;
  /** The threshold or level value; null when the target is not numeric. */
  value: number | null;
  op: "gt" | "gte" | "lt" | "lte" | null;
  periodEnd: number;
  baselineText: string;
}

function numericTarget(e: TargetExpression): { value: number; op: CountTarget["op"] } | null {
  if (e.kind === "threshold") return { value: e.quantity.value, op: e.op };
  if (e.kind === "level") return { value: e.quantity.value, op: "gte" };
  return null;
}

/** Indicators of the jurisdiction's plans that count `category`: bound ones first, then recognised by name. */
export async function countTargets(
  db: Db,
  jurisdictionCode: string,
  category: ProcurementCategory,
): Promise<CountTarget[]> {
  const rows = await db
    .select({ i: indicators, p: plans, bound: procurementBindings.category })
    .from(indicators)
    .innerJoin(plans, eq(plans.id, indicators.planId))
    .leftJoin(procurementBindings, eq(procurementBindings.indicatorId, indicators.id))
    .where(eq(plans.jurisdictionCode, jurisdictionCode));
  return rows
    .filter((r) => (r.bound ?? procurementCategoryForIndicatorName(r.i.name)) === category)
    .sort((a, b) => Number(b.bound !== null) - Number(a.bound !== null))
    .map((r) => {
      const t = numericTarget(r.i.target.expression);
      return {
        indicatorId: r.i.id,
        indicatorName: r.i.name,
        planTitle: r.p.title,
        // Without footnote markers (">500 ^②" → ">500"); the footnote is the indicator's.
        targetText: prepareCellText(r.i.target.text).text,
        value: t?.value ?? null,
        op: t?.op ?? null,
        periodEnd: r.p.periodEnd,
        baselineText: prepareCellText(r.i.baseline.text).text,
      };
    });
}

export interface CountSeriesResult {
  jurisdictionCode: string;
  category: ProcurementCategory;
  categoryLabel: string;
  unit: string;
  points: { year: number; value: number; addedInYear: number; estimated: boolean }[];
  /** How the last year's value was derived. */
  latest: {
    year: number;
    value: number;
    estimated: boolean;
    contributions: {
      batchId: string;
      batchName: string;
      level: Batch["level"];
      levelLabel: string;
      implementedBy: string;
      startDate: string;
      added: number;
      alreadyCounted: number;
      countOnly: boolean;
      addedVarieties: readonly string[];
    }[];
  };
  targets: CountTarget[];
}

export async function countSeries(
  db: Db,
  input: { jurisdictionCode: string; category: ProcurementCategory; fromYear: number; toYear: number },
): Promise<CountSeriesResult> {
  const index = await loadProcurementIndex(db);
  const points = cumulativeCountSeries(
    index,
    input.jurisdictionCode,
    input.category,
    input.fromYear,
    input.toYear,
  );
  const latest = countVarieties(index, input.jurisdictionCode, input.category, yearEnd(input.toYear));
  return {
    jurisdictionCode: input.jurisdictionCode,
    category: input.category,
    categoryLabel: procurementCategoryLabels[input.category],
    unit: procurementCategoryUnits[input.category],
    points,
    latest: {
      year: input.toYear,
      value: latest.value,
      estimated: latest.estimated,
      contributions: latest.contributions.map((c) => ({ ...c, levelLabel: batchLevelLabels[c.level] })),
    },
    targets: await countTargets(db, input.jurisdictionCode, input.category),
  };
}

export interface BindingRow {
  indicatorId: string;
  indicatorName: string;
  unit: string | null;
  /** Stored binding, or null. */
  category: ProcurementCategory | null;
  /** What the indicator's name suggests (for a one-click binding). */
  suggested: ProcurementCategory | null;
  version: number | null;
}

export async function listBindings(db: Db, planId: string): Promise<BindingRow[]> {
  const rows = await db
    .select({ i: indicators, b: procurementBindings })
    .from(indicators)
    .leftJoin(procurementBindings, eq(procurementBindings.indicatorId, indicators.id))
    .where(eq(indicators.planId, planId))
    .orderBy(asc(indicators.position));
  return rows.map(({ i, b }) => ({
    indicatorId: i.id,
    indicatorName: i.name,
    unit: i.unit,
    category: b?.category ?? null,
    suggested: procurementCategoryForIndicatorName(i.name),
    version: b?.version ?? null,
  }));
}

export async function setBinding(
  db: Db,
  actor: Actor,
  code: string,
  input: { indicatorId: string; category: ProcurementCategory | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(procurementBindings)
      .where(eq(procurementBindings.indicatorId, input.indicatorId))
      .for("update");
    if (input.category === null) {
      if (!cur) return;
      await tx.delete(procurementBindings).where(eq(procurementBindings.indicatorId, input.indicatorId));
      await writeAudit(tx, actor, {
        action: "delete",
        entity: "procurementBinding",
        entityId: input.indicatorId,
        jurisdictionCode: code,
        before: cur,
      });
      return;
    }
    const [row] = cur
      ? await tx
          .update(procurementBindings)
          .set({ category: input.category, ...bump(cur, actor.name) })
          .where(eq(procurementBindings.indicatorId, input.indicatorId))
          .returning()
      : await tx
          .insert(procurementBindings)
          .values({ indicatorId: input.indicatorId, category: input.category, updatedBy: actor.name })
          .returning();
    await writeAudit(tx, actor, {
      action: cur ? "update" : "create",
      entity: "procurementBinding",
      entityId: input.indicatorId,
      jurisdictionCode: code,
      before: cur ?? null,
      after: row,
    });
  });
}

export interface DerivedForIndicator {
  derived: DerivedProcurementValue;
  check: ManualValueCheck;
}

/**
 * Derived values of every bound indicator of a plan for `years`, with the checks against the
 * manual observations. `observations` is what the evaluation should judge: the manual values with
 * the derived ones in their place (the adapter from @ybplan/domain/procurement).
 */
export async function derivedForPlan(
  db: Db,
  planId: string,
  years: readonly number[],
): Promise<{ values: DerivedForIndicator[]; substitute: Observation[] }> {
  const bound = await db
    .select({
      indicatorId: procurementBindings.indicatorId,
      category: procurementBindings.category,
      code: plans.jurisdictionCode,
    })
    .from(procurementBindings)
    .innerJoin(indicators, eq(indicators.id, procurementBindings.indicatorId))
    .innerJoin(plans, eq(plans.id, indicators.planId))
    .where(eq(plans.id, planId));
  if (bound.length === 0) return { values: [], substitute: [] };
  const index = await loadProcurementIndex(db);
  const manual = await db
    .select()
    .from(observations)
    .where(
      inArray(
        observations.indicatorId,
        bound.map((b) => b.indicatorId),
      ),
    );
  const values: DerivedForIndicator[] = [];
  for (const b of bound) {
    for (const year of years) {
      const derived = Result.getOrThrow(
        deriveProcurementValue({ indicatorId: b.indicatorId, category: b.category }, b.code, year, index),
      );
      const m = manual.find((o) => o.indicatorId === b.indicatorId && o.year === year);
      const check = checkManualObservation(
        derived,
        m
          ? {
              indicatorId: m.indicatorId,
              year: m.year,
              value:
                m.valueKind === "number"
                  ? { kind: "number", value: m.valueNumber ?? 0 }
                  : { kind: "text", text: m.valueText ?? "" },
            }
          : null,
      );
      values.push({ derived, check });
    }
  }
  return { values, substitute: values.map((v) => toObservation(v.derived)) };
}

/**
 * For the evaluation service: the plan's observations with the derived values of its bound
 * indicators in place of manual ones (one call before `evaluatePlan`/`verdictMatrix`).
 */
export async function withProcurementValues(
  db: Db,
  planId: string,
  years: readonly number[],
  planObservations: readonly Observation[],
): Promise<Observation[]> {
  const { values } = await derivedForPlan(db, planId, years);
  if (values.length === 0) return [...planObservations];
  return withDerivedObservations(
    planObservations,
    values.map((v) => v.derived),
  ).observations;
}

/**
 * The report's procurement section for a plan and year, or null when the plan has no
 * procurement indicator and its jurisdiction no procurement record.
 */
export async function procurementSectionForPlan(
  db: Db,
  planId: string,
  year: number,
): Promise<ProcurementSection | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new NotFoundError({ entity: "plan", entityId: planId });
  const inds = await db
    .select({ i: indicators, bound: procurementBindings.category })
    .from(indicators)
    .leftJoin(procurementBindings, eq(procurementBindings.indicatorId, indicators.id))
    .where(eq(indicators.planId, planId))
    .orderBy(asc(indicators.position));
  const targets = inds.flatMap(({ i, bound }) => {
    const category = bound ?? procurementCategoryForIndicatorName(i.name);
    return category ? [{ category, indicatorName: i.name, target: i.target }] : [];
  });
  const index = await loadProcurementIndex(db);
  const years: number[] = [];
  for (let y = plan.baselineYear; y <= year; y++) years.push(y);
  const { values } = await derivedForPlan(db, planId, years);
  const section = buildProcurementSection({
    index,
    jurisdictionCode: plan.jurisdictionCode,
    year,
    baselineYear: plan.baselineYear,
    targets,
    checks: values.filter((v) => v.derived.year === year),
  });
  const empty =
    targets.length === 0 && section.tables[0]!.rows.every((r) => r.slice(1).every((v) => v === 0));
  return empty ? null : section;
}
