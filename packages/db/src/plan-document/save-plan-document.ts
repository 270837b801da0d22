import type { IndicatorDraft, PlanDocument, TaskDraft } from "@ybplan/domain/plan";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Actor, type AuditEntry, writeAudit } from "../audit.ts";
import type { Db } from "../client.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { attachments } from "../schema/departments.ts";
import { indicators } from "../schema/indicators.ts";
import { jurisdictions } from "../schema/jurisdictions.ts";
import { observations } from "../schema/observations.ts";
import { plans } from "../schema/plans.ts";
import { projectItems, projects } from "../schema/projects.ts";
import { progressNotes, tasks } from "../schema/tasks.ts";
import { bump } from "../versioning.ts";

/**
 * Saves an imported plan document: upserts the plan by jurisdiction + title, and its indicators,
 * tasks, 专栏 and items by their stable `key`, in place — observations, task status and progress
 * notes survive a re-import. Rows that vanished from the document are deleted unless they carry
 * data (observations / progress notes), in which case they are kept and counted as `retained`.
 * Used by the import commit procedure, the seed and the CLI. Runs in one transaction.
 */
export interface SavePlanOptions {
  /** Overrides the document's jurisdiction (the user picked one in the preview). */
  readonly jurisdictionCode?: string | undefined;
  readonly status?: "draft" | "published" | "archived" | undefined;
  /** The plan this text revises when its title differs (征求意见稿 → 正式稿); else matched by title. */
  readonly planId?: string | undefined;
}

export interface SaveCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  retained: number;
}

export interface SavePlanResult {
  readonly planId: string;
  readonly jurisdictionCode: string;
  readonly created: boolean;
  readonly revision: number;
  readonly indicators: SaveCounts;
  readonly tasks: SaveCounts;
  readonly projects: SaveCounts;
}

const zero = (): SaveCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0, retained: 0 });

export async function savePlanDocument(
  db: Db,
  doc: PlanDocument,
  actor: Actor,
  options: SavePlanOptions = {},
): Promise<SavePlanResult> {
  const code = options.jurisdictionCode ?? doc.plan.jurisdictionCode;
  if (!code) {
    throw new ValidationError({
      issues: [{ path: ["plan", "jurisdictionCode"], message: "未能识别规划所属行政区划，请手动选择" }],
    });
  }
  return db.transaction(async (tx) => {
    const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, code));
    if (!j) throw new NotFoundError({ entity: "jurisdiction", entityId: code });
    const audit: AuditEntry[] = [];
    const meta = {
      jurisdictionCode: code,
      title: doc.plan.title,
      issuer: doc.plan.issuer,
      documentNumber: doc.plan.documentNumber,
      issueDate: doc.plan.issueDate,
      periodStart: doc.plan.periodStart,
      periodEnd: doc.plan.periodEnd,
      baselineYear: doc.plan.baselineYear,
      footnotes: doc.footnotes,
      importWarnings: doc.warnings,
    };
    const [existing] = await tx
      .select()
      .from(plans)
      .where(
        options.planId
          ? and(eq(plans.id, options.planId), eq(plans.jurisdictionCode, code))
          : and(eq(plans.jurisdictionCode, code), eq(plans.title, doc.plan.title)),
      )
      .for("update");
    if (options.planId && !existing) throw new NotFoundError({ entity: "plan", entityId: options.planId });
    let planId: string;
    let revision: number;
    if (existing) {
      const [after] = await tx
        .update(plans)
        .set({
          ...meta,
          ...(options.status ? { status: options.status } : {}),
          revision: existing.revision + 1,
          ...bump(existing, actor.name),
        })
        .where(eq(plans.id, existing.id))
        .returning();
      planId = existing.id;
      revision = after!.revision;
      audit.push({
        action: "import",
        entity: "plan",
        entityId: planId,
        jurisdictionCode: code,
        before: existing,
        after,
      });
    } else {
      const [after] = await tx
        .insert(plans)
        .values({ ...meta, status: options.status ?? "published", updatedBy: actor.name })
        .returning();
      planId = after!.id;
      revision = after!.revision;
      audit.push({
        action: "import",
        entity: "plan",
        entityId: planId,
        jurisdictionCode: code,
        before: null,
        after,
      });
    }

    const ind = await saveIndicators(tx, planId, code, doc.indicators, actor, audit);
    const tsk = await saveTasks(tx, planId, code, doc.tasks, actor, audit);
    const prj = await saveProjects(tx, planId, code, doc, actor, audit);
    await writeAudit(tx, actor, audit);
    return {
      planId,
      jurisdictionCode: code,
      created: !existing,
      revision,
      indicators: ind,
      tasks: tsk,
      projects: prj,
    };
  });
}

function indicatorValues(d: IndicatorDraft) {
  return {
    position: d.position,
    category: d.category,
    name: d.name,
    unit: d.unit,
    baseline: d.baseline,
    baselineText: d.baseline.text,
    target: d.target,
    targetText: d.target.text,
    targetKind: d.target.expression.kind,
    attribute: d.attribute,
    direction: d.direction,
    definition: d.definition,
    footnote: d.footnote,
    assessment: d.assessment,
    confidence: d.confidence,
  };
}

/** Structural equality of plain JSON values (jsonb round-trips reorder keys). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object" && !(v instanceof Date)) {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v;
}
function changed<T extends Record<string, unknown>>(row: Record<string, unknown>, values: T): boolean {
  return Object.entries(values).some(([k, v]) => !sameJson(row[k] ?? null, v ?? null));
}

async function saveIndicators(
  tx: Db,
  planId: string,
  code: string,
  drafts: readonly IndicatorDraft[],
  actor: Actor,
  audit: AuditEntry[],
): Promise<SaveCounts> {
  const counts = zero();
  const rows = await tx.select().from(indicators).where(eq(indicators.planId, planId));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const seen = new Set<string>();
  const fresh: (typeof indicators.$inferInsert)[] = [];
  for (const d of drafts) {
    if (seen.has(d.key)) continue; // duplicate keys in one document: first wins (importer warns)
    seen.add(d.key);
    const values = indicatorValues(d);
    const row = byKey.get(d.key);
    if (!row) {
      fresh.push({ planId, key: d.key, ...values, updatedBy: actor.name });
    } else if (changed(row, values)) {
      const [after] = await tx
        .update(indicators)
        .set({ ...values, ...bump(row, actor.name) })
        .where(eq(indicators.id, row.id))
        .returning();
      counts.updated++;
      audit.push({
        action: "update",
        entity: "indicator",
        entityId: row.id,
        jurisdictionCode: code,
        before: row,
        after,
      });
    } else counts.unchanged++;
  }
  // New rows in one statement: a first import is a handful of statements, not hundreds.
  if (fresh.length > 0) {
    for (const after of await tx.insert(indicators).values(fresh).returning()) {
      counts.created++;
      audit.push({
        action: "create",
        entity: "indicator",
        entityId: after.id,
        jurisdictionCode: code,
        after,
      });
    }
  }
  const gone = rows.filter((r) => !seen.has(r.key));
  if (gone.length > 0) {
    const withData = await referencedIds(tx, observations.indicatorId, gone);
    for (const g of gone) {
      // A work indicator a person confirmed under a task or 专栏 item is in no document table.
      if (withData.has(g.id) || g.taskId !== null || g.projectItemId !== null) {
        counts.retained++;
        continue;
      }
      await tx.delete(indicators).where(eq(indicators.id, g.id));
      counts.deleted++;
      audit.push({
        action: "delete",
        entity: "indicator",
        entityId: g.id,
        jurisdictionCode: code,
        before: g,
      });
    }
  }
  return counts;
}

/** Parents before children, so `parentKey` always resolves to an id already saved. */
function orderByDepth(drafts: readonly TaskDraft[]): TaskDraft[] {
  return [...drafts].sort((a, b) => a.level - b.level);
}

async function saveTasks(
  tx: Db,
  planId: string,
  code: string,
  drafts: readonly TaskDraft[],
  actor: Actor,
  audit: AuditEntry[],
): Promise<SaveCounts> {
  const counts = zero();
  const rows = await tx.select().from(tasks).where(eq(tasks.planId, planId));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const idByKey = new Map(rows.map((r) => [r.key, r.id]));
  const position = new Map(drafts.map((d, i) => [d.key, i]));
  const seen = new Set<string>();
  // Level by level, so a parent's id exists before its children are written; each level's new
  // rows go in one statement.
  const byLevel = new Map<number, TaskDraft[]>();
  for (const d of orderByDepth(drafts)) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    const list = byLevel.get(d.level) ?? [];
    list.push(d);
    byLevel.set(d.level, list);
  }
  for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
    const fresh: (typeof tasks.$inferInsert)[] = [];
    for (const d of byLevel.get(level)!) {
      const row = byKey.get(d.key);
      const values = {
        parentId: d.parentKey ? (idByKey.get(d.parentKey) ?? null) : null,
        level: d.level,
        number: d.number,
        title: d.title,
        text: d.text,
        leadDepartment: d.leadDepartment,
        // A deadline set in ybplan stays when the document names none.
        deadline: d.deadline ?? row?.deadline ?? null,
        position: position.get(d.key) ?? 0,
        // A planner's correction of the outline kind survives a re-import.
        ...(byKey.get(d.key)?.kindSource === "planner" || d.kind == null
          ? {}
          : { kind: d.kind, kindSource: "importer" as const }),
      };
      if (!row) {
        fresh.push({ planId, key: d.key, ...values, updatedBy: actor.name });
      } else if (changed(row, values)) {
        const [after] = await tx
          .update(tasks)
          .set({ ...values, ...bump(row, actor.name) })
          .where(eq(tasks.id, row.id))
          .returning();
        counts.updated++;
        audit.push({
          action: "update",
          entity: "task",
          entityId: row.id,
          jurisdictionCode: code,
          before: row,
          after,
        });
      } else counts.unchanged++;
    }
    if (fresh.length > 0) {
      for (const after of await tx.insert(tasks).values(fresh).returning()) {
        idByKey.set(after.key, after.id);
        counts.created++;
        audit.push({ action: "create", entity: "task", entityId: after.id, jurisdictionCode: code, after });
      }
    }
  }
  const gone = rows.filter((r) => !seen.has(r.key));
  if (gone.length > 0) {
    const withNotes = await referencedIds(tx, progressNotes.taskId, gone);
    const withFiles = await referencedIds(tx, attachments.taskId, gone);
    const withIndicators = await referencedIds(tx, indicators.taskId, gone);
    for (const g of gone) {
      // Keep a vanished task that has notes, evidence, work indicators, an assignment or is still
      // someone's parent.
      const assigned = g.leadDepartmentId !== null || g.coDepartmentIds.length > 0 || g.deadline !== null;
      const kept = withNotes.has(g.id) || withFiles.has(g.id) || withIndicators.has(g.id);
      if (kept || assigned || g.status !== "notStarted") {
        counts.retained++;
        continue;
      }
      const res = await tx.execute(sql`select 1 from ${tasks} where ${tasks.parentId} = ${g.id} limit 1`);
      if (rowCount(res) > 0) {
        counts.retained++;
        continue;
      }
      await tx.delete(tasks).where(eq(tasks.id, g.id));
      counts.deleted++;
      audit.push({ action: "delete", entity: "task", entityId: g.id, jurisdictionCode: code, before: g });
    }
  }
  return counts;
}

function rowCount(res: unknown): number {
  if (Array.isArray(res)) return res.length;
  const rows = (res as { rows?: unknown[] }).rows;
  return rows?.length ?? 0;
}

async function saveProjects(
  tx: Db,
  planId: string,
  code: string,
  doc: PlanDocument,
  actor: Actor,
  audit: AuditEntry[],
): Promise<SaveCounts> {
  const counts = zero();
  const rows = await tx.select().from(projects).where(eq(projects.planId, planId));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const seen = new Set<string>();
  for (const [i, d] of doc.projects.entries()) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    const values = { number: d.number, title: d.title, position: i };
    let row = byKey.get(d.key);
    if (!row) {
      [row] = await tx
        .insert(projects)
        .values({ planId, key: d.key, ...values, updatedBy: actor.name })
        .returning();
      counts.created++;
      audit.push({
        action: "create",
        entity: "project",
        entityId: row!.id,
        jurisdictionCode: code,
        after: row,
      });
    } else if (changed(row, values)) {
      const before = row;
      [row] = await tx
        .update(projects)
        .set({ ...values, ...bump(row, actor.name) })
        .where(eq(projects.id, row.id))
        .returning();
      counts.updated++;
      audit.push({
        action: "update",
        entity: "project",
        entityId: before.id,
        jurisdictionCode: code,
        before,
        after: row,
      });
    } else counts.unchanged++;
    await saveItems(tx, row!.id, code, d.items, actor, audit);
  }
  for (const g of rows.filter((r) => !seen.has(r.key))) {
    counts.retained++;
    void g; // 专栏 removed from the document keep their items' status and notes; delete by hand.
  }
  return counts;
}

async function saveItems(
  tx: Db,
  projectId: string,
  code: string,
  drafts: PlanDocument["projects"][number]["items"],
  actor: Actor,
  audit: AuditEntry[],
): Promise<void> {
  const rows = await tx.select().from(projectItems).where(eq(projectItems.projectId, projectId));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const seen = new Set<string>();
  const fresh: (typeof projectItems.$inferInsert)[] = [];
  for (const [i, d] of drafts.entries()) {
    if (seen.has(d.key)) continue;
    seen.add(d.key);
    const row = byKey.get(d.key);
    const values = {
      number: d.number,
      title: d.title,
      text: d.text,
      leadDepartment: d.leadDepartment,
      deadline: d.deadline ?? row?.deadline ?? null,
      position: i,
    };
    if (!row) {
      fresh.push({ projectId, key: d.key, ...values, updatedBy: actor.name });
    } else if (changed(row, values)) {
      const [after] = await tx
        .update(projectItems)
        .set({ ...values, ...bump(row, actor.name) })
        .where(eq(projectItems.id, row.id))
        .returning();
      audit.push({
        action: "update",
        entity: "projectItem",
        entityId: row.id,
        jurisdictionCode: code,
        before: row,
        after,
      });
    }
  }
  if (fresh.length > 0) {
    for (const after of await tx.insert(projectItems).values(fresh).returning()) {
      audit.push({
        action: "create",
        entity: "projectItem",
        entityId: after.id,
        jurisdictionCode: code,
        after,
      });
    }
  }
}

/** Which of `rows` are referenced by `column` (rows with data are kept when they vanish). */
async function referencedIds(
  tx: Db,
  column: PgColumn,
  rows: readonly { id: string }[],
): Promise<Set<string>> {
  const found = await tx
    .selectDistinct({ id: column })
    .from(column.table)
    .where(
      inArray(
        column,
        rows.map((r) => r.id),
      ),
    );
  return new Set(found.map((r) => r.id as string));
}
