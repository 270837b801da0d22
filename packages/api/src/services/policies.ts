import {
  type Actor,
  assertVersion,
  bump,
  type Db,
  indicators,
  NotFoundError,
  plans,
  policyDocuments,
  policyIndicatorLinks,
  policyParameters,
  policyStatistics,
  policySupersessions,
  policyTaskLinks,
  poolingAreas,
  tasks,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import {
  type ApplicableParameter,
  cleanupProgress,
  compareInForce,
  describePolicyChanges,
  evaluatePolicyRules,
  findOverlaps,
  findSupersessionCycle,
  formatChineseDate,
  formatParameterValue,
  type ParameterDimensions,
  type PolicyChange,
  type PolicyDocument,
  PolicyDocumentFields,
  type PolicyDocumentPatch,
  type PoolingArea,
  parameterHistory,
  parameterLabel,
  parametersInForce,
  policyRules,
  policyStatusLabels,
  poolingLevelLabels,
  poolingMatrix,
  rulesFor,
  type StatisticValue,
  schemeLabels,
} from "@ybplan/domain/policy";
import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { JurisdictionDirectory } from "../auth/directory.ts";
import type { SessionUser } from "../auth/session.ts";
import { ForbiddenError } from "../errors.ts";
import { likePattern } from "./common.ts";

/**
 * Policies (政策): the register of documents and the parameters they set, what is in force on a
 * date, history, changes between dates, rule and pooling-area findings. Every write runs in one
 * transaction with its audit, under a per-jurisdiction advisory lock so two processes cannot both
 * pass the overlap check for the same jurisdiction.
 */

type Row = typeof policyDocuments.$inferSelect;

/** A stored document in the domain's form plus its row metadata. */
export interface StoredDocument {
  readonly doc: PolicyDocument;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

async function loadDocuments(db: Db, where: { codes?: readonly string[]; ids?: readonly string[] }) {
  const cond =
    where.ids !== undefined
      ? inArray(policyDocuments.id, [...where.ids])
      : inArray(policyDocuments.jurisdictionCode, [...(where.codes ?? [])]);
  if ((where.ids ?? where.codes ?? []).length === 0) return [];
  const rows = await db
    .select()
    .from(policyDocuments)
    .where(cond)
    .orderBy(asc(policyDocuments.effectiveFrom));
  return hydrate(db, rows);
}

async function hydrate(db: Db, rows: Row[]): Promise<StoredDocument[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [params, sups, taskLinks, indicatorLinks] = await Promise.all([
    db
      .select()
      .from(policyParameters)
      .where(inArray(policyParameters.documentId, ids))
      .orderBy(asc(policyParameters.position)),
    db.select().from(policySupersessions).where(inArray(policySupersessions.documentId, ids)),
    db.select().from(policyTaskLinks).where(inArray(policyTaskLinks.documentId, ids)),
    db.select().from(policyIndicatorLinks).where(inArray(policyIndicatorLinks.documentId, ids)),
  ]);
  return rows.map((r) => ({
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
    doc: {
      id: r.id,
      title: r.title,
      docNumber: r.docNumber,
      issuer: r.issuer,
      jurisdictionCode: r.jurisdictionCode,
      issuedOn: r.issuedOn,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      status: r.status,
      repealedOn: r.repealedOn,
      note: r.note,
      cleanup: r.cleanupDeadline
        ? { disposition: r.cleanupDisposition, deadline: r.cleanupDeadline, doneOn: r.cleanupDoneOn }
        : null,
      supersedes: sups
        .filter((s) => s.documentId === r.id)
        .map((s) => ({ documentId: s.supersededId, mode: s.mode })),
      parameters: params
        .filter((p) => p.documentId === r.id)
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          scheme: p.scheme,
          service: p.service,
          level: p.level,
          population: p.population,
          value: p.value,
          approximate: p.approximate,
          effectiveFrom: p.effectiveFrom,
          effectiveTo: p.effectiveTo,
          note: p.note,
        })),
      taskIds: taskLinks.filter((l) => l.documentId === r.id).map((l) => l.taskId),
      indicatorIds: indicatorLinks.filter((l) => l.documentId === r.id).map((l) => l.indicatorId),
    },
  }));
}

/** The document's jurisdiction (for authorisation), or NotFound. */
export async function documentJurisdiction(db: Db, id: string): Promise<string> {
  const [row] = await db
    .select({ code: policyDocuments.jurisdictionCode })
    .from(policyDocuments)
    .where(eq(policyDocuments.id, id));
  if (!row) throw new NotFoundError({ entity: "policyDocument", entityId: id });
  return row.code;
}

/** The jurisdiction and its ancestors, nearest first: where parameters in force come from. */
export const chainOf = (dir: JurisdictionDirectory, code: string) => [code, ...dir.ancestors(code)];

// ---------------------------------------------------------------------------------------- reads

/** How the document stands today given the documents that supersede it (status as entered is kept). */
function effectiveStatus(doc: PolicyDocument, all: readonly PolicyDocument[], today: string) {
  if (doc.repealedOn && doc.repealedOn <= today) return "repealed" as const;
  const by = all.filter((d) => d.supersedes.some((s) => s.documentId === doc.id) && d.effectiveFrom <= today);
  if (by.some((d) => d.supersedes.some((s) => s.documentId === doc.id && s.mode === "replace")))
    return "repealed" as const;
  if (by.length > 0) return "amended" as const;
  return doc.status;
}

export interface ListInput {
  readonly jurisdictionCode: string;
  readonly search?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

/** The register of a jurisdiction and of its ancestors (its pooling areas' documents). */
export async function listDocuments(db: Db, dir: JurisdictionDirectory, input: ListInput, today: string) {
  const codes = chainOf(dir, input.jurisdictionCode);
  const q = input.search?.trim();
  const rows = await db
    .select()
    .from(policyDocuments)
    .where(
      and(
        inArray(policyDocuments.jurisdictionCode, codes),
        q
          ? or(ilike(policyDocuments.title, likePattern(q)), ilike(policyDocuments.docNumber, likePattern(q)))
          : undefined,
      ),
    )
    .orderBy(asc(policyDocuments.effectiveFrom), asc(policyDocuments.title));
  const all = (await loadDocuments(db, { codes })).map((s) => s.doc);
  const page = rows.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const stored = await hydrate(db, page);
  return {
    total: rows.length,
    page: input.page,
    pageSize: input.pageSize,
    items: stored.map((s) => {
      const status = effectiveStatus(s.doc, all, today);
      return {
        id: s.doc.id,
        title: s.doc.title,
        docNumber: s.doc.docNumber,
        issuer: s.doc.issuer,
        jurisdictionCode: s.doc.jurisdictionCode,
        jurisdictionName: dir.byCode.get(s.doc.jurisdictionCode)?.name ?? s.doc.jurisdictionCode,
        effectiveFrom: s.doc.effectiveFrom,
        effectiveTo: s.doc.effectiveTo,
        status,
        statusLabel: policyStatusLabels[status],
        parameterCount: s.doc.parameters.length,
        version: s.version,
      };
    }),
  };
}

export async function getDocument(db: Db, id: string) {
  const [s] = await loadDocuments(db, { ids: [id] });
  if (!s) throw new NotFoundError({ entity: "policyDocument", entityId: id });
  return {
    ...s.doc,
    version: s.version,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy,
    parameters: s.doc.parameters.map((p) => ({
      ...p,
      label: parameterLabel(p),
      valueText: formatParameterValue(p),
    })),
  };
}

const parameterRow = (dir: JurisdictionDirectory) => (p: ApplicableParameter) => ({
  key: p.key,
  ...p.dimensions,
  label: parameterLabel(p.dimensions),
  value: p.value,
  valueText: formatParameterValue({ ...p.dimensions, value: p.value, approximate: p.approximate }),
  from: p.from,
  to: p.to,
  inherited: p.inherited,
  jurisdictionCode: p.jurisdictionCode,
  jurisdictionName: dir.byCode.get(p.jurisdictionCode)?.name ?? p.jurisdictionCode,
  documentId: p.documentId,
  documentTitle: p.documentTitle,
  docNumber: p.docNumber,
});

/** The table in force on a date in a jurisdiction (own documents first, then its ancestors'). */
export async function inForce(db: Db, dir: JurisdictionDirectory, code: string, date: string) {
  const chain = chainOf(dir, code);
  const docs = (await loadDocuments(db, { codes: chain })).map((s) => s.doc);
  return parametersInForce(docs, date, chain).map(parameterRow(dir));
}

export async function history(db: Db, dir: JurisdictionDirectory, code: string, dims: ParameterDimensions) {
  const chain = chainOf(dir, code);
  const docs = (await loadDocuments(db, { codes: chain })).map((s) => s.doc);
  // The nearest jurisdiction that ever set it (a county inheriting the city's shows the city's).
  const owner = chain.find((c) => parameterHistory(docs, c, dims).length > 0);
  const steps = owner ? parameterHistory(docs, owner, dims) : [];
  return {
    label: parameterLabel(dims),
    jurisdictionCode: owner ?? null,
    steps: steps.map((r) => ({
      from: r.from,
      to: r.to,
      value: r.value,
      valueText: formatParameterValue({ ...dims, value: r.value, approximate: r.approximate }),
      documentId: r.documentId,
      documentTitle: r.documentTitle,
      docNumber: r.docNumber,
    })),
  };
}

/** The table in force on a date as an .xlsx workbook (base64), one row per parameter. */
export async function exportInForce(db: Db, dir: JurisdictionDirectory, code: string, date: string) {
  const rows = await inForce(db, dir, code, date);
  // Loaded on use: exceljs is large and only exports need it.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  const name = dir.byCode.get(code)?.name ?? code;
  const ws = wb.addWorksheet("现行待遇参数");
  ws.addRow([`${name}现行待遇参数（${formatChineseDate(date)}）`]);
  ws.addRow(["参数", "标准", "数值", "起始日期", "截止日期", "依据文件", "文号", "制定地区"]);
  for (const r of rows) {
    ws.addRow([
      r.label,
      r.valueText,
      r.value,
      r.from,
      r.to ?? "",
      r.documentTitle,
      r.docNumber ?? "",
      r.jurisdictionName,
    ]);
  }
  ws.columns.forEach((c, i) => {
    c.width = [36, 12, 10, 12, 12, 40, 22, 12][i] ?? 12;
  });
  const buffer = await wb.xlsx.writeBuffer();
  return {
    fileName: `${name}现行待遇参数_${date}.xlsx`,
    rows: rows.length,
    contentBase64: Buffer.from(buffer as ArrayBuffer).toString("base64"),
  };
}

/** The parameters changed between two dates for a jurisdiction (its own and inherited documents). */
export async function policyChangesBetween(
  db: Db,
  dir: JurisdictionDirectory,
  code: string,
  from: string,
  to: string,
): Promise<PolicyChange[]> {
  const chain = chainOf(dir, code);
  const docs = (await loadDocuments(db, { codes: chain })).map((s) => s.doc);
  return compareInForce(docs, chain, from, to);
}

/** What changed between two dates, with the report's sentences (待遇政策调整). */
export async function compare(db: Db, dir: JurisdictionDirectory, code: string, from: string, to: string) {
  const changes = await policyChangesBetween(db, dir, code, from, to);
  const sentences = describePolicyChanges(changes);
  return changes.map((c, i) => ({
    key: c.key,
    label: parameterLabel(c.dimensions),
    before: c.before ? formatParameterValue({ ...c.dimensions, ...c.before }) : null,
    after: c.after ? formatParameterValue({ ...c.dimensions, ...c.after }) : null,
    effectiveFrom: c.after?.from ?? null,
    documentTitle: (c.after ?? c.before)!.documentTitle,
    sentence: sentences[i]!,
  }));
}

async function areasAlong(db: Db, codes: readonly string[]): Promise<PoolingArea[]> {
  if (codes.length === 0) return [];
  return db
    .select({
      jurisdictionCode: poolingAreas.jurisdictionCode,
      scheme: poolingAreas.scheme,
      level: poolingAreas.level,
      since: poolingAreas.since,
    })
    .from(poolingAreas)
    .where(inArray(poolingAreas.jurisdictionCode, [...codes]));
}

/**
 * Findings on a date: each applicable rule (national, and the targets of plans along the chain)
 * judged on the parameters in force and the statistics entered; and the pooling-area matrix of
 * every area the jurisdiction belongs to or roots, over the readable member jurisdictions.
 */
export async function check(
  db: Db,
  dir: JurisdictionDirectory,
  code: string,
  date: string,
  readable: (code: string) => boolean,
) {
  const chain = chainOf(dir, code);
  const subtree = dir.subtree(code).filter(readable);
  const docs = (await loadDocuments(db, { codes: [...new Set([...chain, ...subtree])] })).map((s) => s.doc);
  const statistics: StatisticValue[] = (
    await db.select().from(policyStatistics).where(inArray(policyStatistics.jurisdictionCode, chain))
  )
    // The nearest jurisdiction's figure for a statistic and year wins.
    .sort((a, b) => chain.indexOf(a.jurisdictionCode) - chain.indexOf(b.jurisdictionCode))
    .filter((s, i, all) => all.findIndex((t) => t.statistic === s.statistic && t.year === s.year) === i)
    .map((s) => ({ statistic: s.statistic, year: s.year, value: s.value, source: s.source }));
  const parameters = parametersInForce(docs, date, chain);
  const rules = evaluatePolicyRules(rulesFor(policyRules, chain, date), {
    parameters: parameters.map((p) => ({ ...p.dimensions, value: p.value, approximate: p.approximate })),
    statistics,
    date,
  });
  const areas = await areasAlong(db, [...new Set([...chain, ...subtree])]);
  const pooling = areas
    .filter((a) => a.since === null || a.since <= date)
    .map((a) => {
      const below = chain.includes(a.jurisdictionCode)
        ? a.jurisdictionCode === code
          ? subtree
          : [code]
        : dir.subtree(a.jurisdictionCode);
      const members = below
        .filter((c) => c !== a.jurisdictionCode && readable(c))
        .map((c) => ({
          code: c,
          name: dir.byCode.get(c)?.name ?? c,
          chain: chainOf(dir, c).slice(0, chainOf(dir, c).indexOf(a.jurisdictionCode) + 1),
        }));
      const areaName = dir.byCode.get(a.jurisdictionCode)?.name ?? a.jurisdictionCode;
      const m = poolingMatrix(docs, a, areaName, members, date);
      return {
        jurisdictionCode: a.jurisdictionCode,
        name: areaName,
        scheme: a.scheme,
        schemeLabel: schemeLabels[a.scheme],
        levelLabel: poolingLevelLabels[a.level],
        members: members.map((x) => ({ code: x.code, name: x.name })),
        rows: m.rows.map((r) => ({
          key: r.key,
          label: parameterLabel(r.dimensions),
          areaValue:
            r.areaValue === null ? null : formatParameterValue({ ...r.dimensions, value: r.areaValue }),
          cells: r.cells.map((c) => ({
            jurisdictionCode: c.jurisdictionCode,
            value: c.value === null ? null : formatParameterValue({ ...r.dimensions, value: c.value }),
            own: c.own,
            differs: c.differs,
          })),
        })),
        findings: m.findings,
      };
    });
  // 待遇清单 clean-up of the jurisdiction's own documents, a work indicator.
  const cleanup = cleanupProgress(
    docs.filter((d) => d.jurisdictionCode === code),
    date,
  );
  return { date, rules, pooling, cleanup };
}

// --------------------------------------------------------------------------------------- writes

/**
 * Under 市级/省级统筹 the area's level sets the pooled scheme's parameters: a user below the area
 * (a county user) may not write them, even for the county's own document.
 */
export async function assertMayWritePooledSchemes(
  db: Db,
  dir: JurisdictionDirectory,
  user: SessionUser,
  code: string,
  schemes: readonly string[],
): Promise<void> {
  if (user.role === "admin" || user.jurisdictionCode === null || schemes.length === 0) return;
  const areas = await areasAlong(db, dir.ancestors(code));
  for (const a of areas) {
    if (!schemes.includes(a.scheme)) continue;
    const rel = dir.relation(user.jurisdictionCode, a.jurisdictionCode);
    if (rel === "own" || rel === "descendant") continue;
    const area = dir.byCode.get(a.jurisdictionCode)?.name ?? a.jurisdictionCode;
    throw new ForbiddenError({
      reason: `${schemeLabels[a.scheme]}实行${poolingLevelLabels[a.level]}，其待遇参数由${area}统一制定，无权修改`,
    });
  }
}

const lockJurisdiction = (tx: Db, code: string) =>
  tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`ybplan.policy:${code}`}))`);

/** Supersession targets exist in the same jurisdiction, no cycle, no overlapping parameter. */
function checkConsistency(candidate: PolicyDocument, existing: readonly PolicyDocument[]): void {
  const byId = new Map(existing.map((d) => [d.id, d]));
  const issues: { path: (string | number)[]; message: string }[] = [];
  candidate.supersedes.forEach((s, i) => {
    if (!byId.has(s.documentId))
      issues.push({ path: ["supersedes", i], message: "被替代的文件不存在或不属于同一辖区" });
  });
  if (issues.length > 0) throw new ValidationError({ issues });
  const all = [...existing.filter((d) => d.id !== candidate.id), candidate];
  const cycle = findSupersessionCycle(all);
  if (cycle) {
    const names = cycle.map((id) => `《${all.find((d) => d.id === id)?.title ?? id}》`);
    throw new ValidationError({
      issues: [{ path: ["supersedes"], message: `替代关系形成循环：${names.join("→")}` }],
    });
  }
  for (const o of findOverlaps(all, candidate.id)) {
    const other = o.first.documentId === candidate.id ? o.second : o.first;
    const index = candidate.parameters.findIndex(
      (p) => `${p.kind}|${p.scheme}|${p.service}|${p.level}|${p.population}` === o.key,
    );
    issues.push({
      path: ["parameters", Math.max(index, 0), "value"],
      message: `${parameterLabel(o.dimensions)}与《${other.documentTitle}》${other.docNumber ? `（${other.docNumber}）` : ""}自${formatChineseDate(o.from)}起的规定重叠；如为调整，请在“替代文件”中选择该文件`,
    });
  }
  if (issues.length > 0) throw new ValidationError({ issues });
}

/**
 * Linked tasks and indicators exist and belong to plans of the document's jurisdiction or its
 * ancestors (a county policy can fulfil a task of the city's plan it implements).
 */
async function checkLinks(tx: Db, doc: PolicyDocumentFields, chain: readonly string[]): Promise<void> {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (doc.taskIds.length > 0) {
    const found = await tx
      .select({ id: tasks.id, code: plans.jurisdictionCode })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .where(inArray(tasks.id, doc.taskIds));
    doc.taskIds.forEach((id, i) => {
      const t = found.find((f) => f.id === id);
      if (!t || !chain.includes(t.code))
        issues.push({ path: ["taskIds", i], message: "规划任务不存在或不属于本级及上级规划" });
    });
  }
  if (doc.indicatorIds.length > 0) {
    const found = await tx
      .select({ id: indicators.id, code: plans.jurisdictionCode })
      .from(indicators)
      .innerJoin(plans, eq(plans.id, indicators.planId))
      .where(inArray(indicators.id, doc.indicatorIds));
    doc.indicatorIds.forEach((id, i) => {
      const t = found.find((f) => f.id === id);
      if (!t || !chain.includes(t.code))
        issues.push({ path: ["indicatorIds", i], message: "指标不存在或不属于本级及上级规划" });
    });
  }
  if (issues.length > 0) throw new ValidationError({ issues });
}

async function writeChildren(tx: Db, id: string, doc: PolicyDocumentFields) {
  if (doc.parameters.length > 0) {
    await tx.insert(policyParameters).values(
      doc.parameters.map((p, position) => ({
        documentId: id,
        position,
        kind: p.kind,
        scheme: p.scheme,
        service: p.service,
        level: p.level,
        population: p.population,
        value: p.value,
        approximate: p.approximate,
        effectiveFrom: p.effectiveFrom,
        effectiveTo: p.effectiveTo,
        note: p.note,
      })),
    );
  }
  if (doc.supersedes.length > 0) {
    await tx
      .insert(policySupersessions)
      .values(doc.supersedes.map((s) => ({ documentId: id, supersededId: s.documentId, mode: s.mode })));
  }
  if (doc.taskIds.length > 0)
    await tx.insert(policyTaskLinks).values(doc.taskIds.map((taskId) => ({ documentId: id, taskId })));
  if (doc.indicatorIds.length > 0) {
    await tx
      .insert(policyIndicatorLinks)
      .values(doc.indicatorIds.map((indicatorId) => ({ documentId: id, indicatorId })));
  }
}

const rowFields = (doc: PolicyDocumentFields) => ({
  jurisdictionCode: doc.jurisdictionCode,
  title: doc.title,
  docNumber: doc.docNumber,
  issuer: doc.issuer,
  issuedOn: doc.issuedOn,
  effectiveFrom: doc.effectiveFrom,
  effectiveTo: doc.effectiveTo,
  status: doc.status,
  repealedOn: doc.repealedOn,
  cleanupDisposition: doc.cleanup?.disposition ?? null,
  cleanupDeadline: doc.cleanup?.deadline ?? null,
  cleanupDoneOn: doc.cleanup?.doneOn ?? null,
  note: doc.note,
});

async function assertUniqueNumber(tx: Db, doc: PolicyDocumentFields, exceptId: string | null) {
  if (!doc.docNumber) return;
  const same = await tx
    .select({ id: policyDocuments.id, title: policyDocuments.title })
    .from(policyDocuments)
    .where(
      and(
        eq(policyDocuments.jurisdictionCode, doc.jurisdictionCode),
        eq(policyDocuments.docNumber, doc.docNumber),
      ),
    );
  const other = same.find((r) => r.id !== exceptId);
  if (other) {
    throw new ValidationError({
      issues: [{ path: ["docNumber"], message: `文号已被《${other.title}》使用` }],
    });
  }
}

export async function createDocument(
  db: Db,
  actor: Actor,
  doc: PolicyDocumentFields,
  chain: readonly string[],
) {
  return db.transaction(async (tx) => {
    await lockJurisdiction(tx, doc.jurisdictionCode);
    await assertUniqueNumber(tx, doc, null);
    const existing = (await loadDocuments(tx, { codes: [doc.jurisdictionCode] })).map((s) => s.doc);
    const id = crypto.randomUUID();
    checkConsistency({ ...doc, id }, existing);
    await checkLinks(tx, doc, chain);
    await tx.insert(policyDocuments).values({ id, ...rowFields(doc), updatedBy: actor.name });
    await writeChildren(tx, id, doc);
    await writeAudit(tx, actor, {
      action: "create",
      entity: "policyDocument",
      entityId: id,
      jurisdictionCode: doc.jurisdictionCode,
      after: { ...doc, id },
    });
    return { id, version: 1 };
  });
}

/** The stored document with the fields the patch sends; checked as a whole (periods, duplicates…). */
function mergePatch(stored: PolicyDocument, patch: PolicyDocumentPatch): PolicyDocumentFields {
  const { id: _id, ...fields } = stored;
  const sent = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const r = PolicyDocumentFields.safeParse({ ...fields, ...sent });
  if (!r.success) {
    throw new ValidationError({
      issues: r.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        message: i.message,
      })),
    });
  }
  return r.data;
}

/**
 * Saves the fields the user changed (the grid sends its whole parameter table; a field not sent
 * keeps its stored value) over the version the client read.
 */
export async function updateDocument(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  patch: PolicyDocumentPatch,
  chain: readonly string[],
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(policyDocuments).where(eq(policyDocuments.id, id)).for("update");
    if (!row) throw new NotFoundError({ entity: "policyDocument", entityId: id });
    assertVersion("policyDocument", id, row, version);
    const [current] = await hydrate(tx, [row]);
    const doc = mergePatch(current!.doc, patch);
    if (row.jurisdictionCode !== doc.jurisdictionCode) {
      throw new ValidationError({
        issues: [{ path: ["jurisdictionCode"], message: "不能更改文件所属辖区" }],
      });
    }
    await lockJurisdiction(tx, doc.jurisdictionCode);
    await assertUniqueNumber(tx, doc, id);
    const stored = await loadDocuments(tx, { codes: [doc.jurisdictionCode] });
    const before = stored.find((s) => s.doc.id === id)!.doc;
    checkConsistency(
      { ...doc, id },
      stored.map((s) => s.doc),
    );
    await checkLinks(tx, doc, chain);
    const [after] = await tx
      .update(policyDocuments)
      .set({ ...rowFields(doc), ...bump(row, actor.name) })
      .where(eq(policyDocuments.id, id))
      .returning({ version: policyDocuments.version });
    await tx.delete(policyParameters).where(eq(policyParameters.documentId, id));
    await tx.delete(policySupersessions).where(eq(policySupersessions.documentId, id));
    await tx.delete(policyTaskLinks).where(eq(policyTaskLinks.documentId, id));
    await tx.delete(policyIndicatorLinks).where(eq(policyIndicatorLinks.documentId, id));
    await writeChildren(tx, id, doc);
    await writeAudit(tx, actor, {
      action: "update",
      entity: "policyDocument",
      entityId: id,
      jurisdictionCode: doc.jurisdictionCode,
      before,
      after: { ...doc, id },
    });
    return { id, version: after!.version };
  });
}

/** 废止: sets status and date only; the parameters end the day before. */
export async function repealDocument(db: Db, actor: Actor, id: string, version: number, repealedOn: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(policyDocuments).where(eq(policyDocuments.id, id)).for("update");
    if (!row) throw new NotFoundError({ entity: "policyDocument", entityId: id });
    assertVersion("policyDocument", id, row, version);
    if (repealedOn < row.effectiveFrom) {
      throw new ValidationError({ issues: [{ path: ["repealedOn"], message: "废止日期不能早于生效日期" }] });
    }
    const [after] = await tx
      .update(policyDocuments)
      .set({ status: "repealed", repealedOn, ...bump(row, actor.name) })
      .where(eq(policyDocuments.id, id))
      .returning();
    await writeAudit(tx, actor, {
      action: "repeal",
      entity: "policyDocument",
      entityId: id,
      jurisdictionCode: row.jurisdictionCode,
      before: { status: row.status, repealedOn: row.repealedOn },
      after: { status: after!.status, repealedOn: after!.repealedOn },
    });
    return { id, version: after!.version };
  });
}

/** Schemes a stored document sets (what a repeal touches, for the pooling guard). */
export async function schemesOf(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ scheme: policyParameters.scheme })
    .from(policyParameters)
    .where(eq(policyParameters.documentId, id));
  return rows.map((r) => r.scheme);
}

// ------------------------------------------------------------------- pooling areas, statistics

export async function listPoolingAreas(db: Db, dir: JurisdictionDirectory, code: string) {
  const rows = await db
    .select()
    .from(poolingAreas)
    .where(
      inArray(poolingAreas.jurisdictionCode, [...new Set([...chainOf(dir, code), ...dir.subtree(code)])]),
    );
  return rows.map((r) => ({
    jurisdictionCode: r.jurisdictionCode,
    name: dir.byCode.get(r.jurisdictionCode)?.name ?? r.jurisdictionCode,
    scheme: r.scheme,
    schemeLabel: schemeLabels[r.scheme],
    level: r.level,
    levelLabel: poolingLevelLabels[r.level],
    since: r.since,
    version: r.version,
  }));
}

/** Declares (version null) or changes a pooling area; a stale version is refused. */
export async function setPoolingArea(
  db: Db,
  actor: Actor,
  input: PoolingArea & { readonly version: number | null },
) {
  return db.transaction(async (tx) => {
    const key = and(
      eq(poolingAreas.jurisdictionCode, input.jurisdictionCode),
      eq(poolingAreas.scheme, input.scheme),
    );
    const [row] = await tx.select().from(poolingAreas).where(key).for("update");
    const entityId = `${input.jurisdictionCode}:${input.scheme}`;
    if (row) {
      assertVersion("poolingArea", entityId, row, input.version ?? 0);
      const [after] = await tx
        .update(poolingAreas)
        .set({ level: input.level, since: input.since, ...bump(row, actor.name) })
        .where(key)
        .returning();
      await writeAudit(tx, actor, {
        action: "update",
        entity: "poolingArea",
        entityId,
        jurisdictionCode: input.jurisdictionCode,
        before: row,
        after,
      });
      return { version: after!.version };
    }
    if (input.version !== null) {
      throw new NotFoundError({ entity: "poolingArea", entityId });
    }
    const [after] = await tx
      .insert(poolingAreas)
      .values({
        jurisdictionCode: input.jurisdictionCode,
        scheme: input.scheme,
        level: input.level,
        since: input.since,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "poolingArea",
      entityId,
      jurisdictionCode: input.jurisdictionCode,
      after,
    });
    return { version: after!.version };
  });
}

export async function listStatistics(db: Db, code: string) {
  const rows = await db
    .select()
    .from(policyStatistics)
    .where(eq(policyStatistics.jurisdictionCode, code))
    .orderBy(asc(policyStatistics.statistic), asc(policyStatistics.year));
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function setStatistic(
  db: Db,
  actor: Actor,
  input: StatisticValue & { readonly jurisdictionCode: string; readonly version: number | null },
) {
  return db.transaction(async (tx) => {
    const key = and(
      eq(policyStatistics.jurisdictionCode, input.jurisdictionCode),
      eq(policyStatistics.statistic, input.statistic),
      eq(policyStatistics.year, input.year),
    );
    const entityId = `${input.jurisdictionCode}:${input.statistic}:${input.year}`;
    const [row] = await tx.select().from(policyStatistics).where(key).for("update");
    if (row) {
      assertVersion("policyStatistic", entityId, row, input.version ?? 0);
      const [after] = await tx
        .update(policyStatistics)
        .set({ value: input.value, source: input.source, ...bump(row, actor.name) })
        .where(key)
        .returning();
      await writeAudit(tx, actor, {
        action: "update",
        entity: "policyStatistic",
        entityId,
        jurisdictionCode: input.jurisdictionCode,
        before: row,
        after,
      });
      return { version: after!.version };
    }
    if (input.version !== null) throw new NotFoundError({ entity: "policyStatistic", entityId });
    const [after] = await tx
      .insert(policyStatistics)
      .values({
        jurisdictionCode: input.jurisdictionCode,
        statistic: input.statistic,
        year: input.year,
        value: input.value,
        source: input.source,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "policyStatistic",
      entityId,
      jurisdictionCode: input.jurisdictionCode,
      after,
    });
    return { version: after!.version };
  });
}
