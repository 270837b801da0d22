import {
  type Actor,
  type Db,
  indicators,
  NotFoundError,
  plans,
  projectItems,
  projects,
  targetRevisions,
  tasks,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { checkRevision } from "@ybplan/domain/cycle";
import { type IndicatorAttribute, type IndicatorDirection, inferDirection } from "@ybplan/domain/indicator";
import { parseTargetCell } from "@ybplan/domain/target";
import type { WorkIndicatorProposal } from "@ybplan/importer";
import { and, asc, eq, inArray, isNotNull, max, or } from "drizzle-orm";
import { Result } from "effect";
import { indicatorDto } from "./dto.ts";
import { projectRows } from "./work-items.ts";

/**
 * Work indicators (工作指标): an indicator that belongs to a key task or 专栏 item and may carry
 * staged yearly targets (青阳 专栏2 (1): DRG 付费病种覆盖率 ≥70% / 80% / 90% in 2022 / 2023 / 2024).
 * The importer proposes them from the plan's text; a planner confirms one here, which stores the
 * indicator with its owner and each stage as a target entry of scope "year" — the same entries
 * the engine already judges each year by (targets in force), so a year with its own target is
 * judged against it.
 */

const CATEGORY = "工作指标";

/** The stable key of a work indicator: its owner's document key and its name. */
const workIndicatorKey = (ownerKey: string, name: string) => `work/${ownerKey}/${name}`.replace(/\s+/g, "");

type WorkOwnerKind = "task" | "projectItem";

interface Owner {
  readonly kind: WorkOwnerKind;
  readonly id: string;
  readonly key: string;
  readonly label: string;
}

/** The plan's key tasks and 专栏 items as the importer's proposer reads a document. */
async function planOutline(db: Db, planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new NotFoundError({ entity: "plan", entityId: planId });
  const taskRows = await db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.position));
  const keyOf = new Map(taskRows.map((t) => [t.id, t.key]));
  const { rows: boxes, items } = await projectRows(db, planId);
  return { plan, taskRows, keyOf, boxes, items };
}

interface ProposalDto extends WorkIndicatorProposal {
  /** The task's or item's id in this plan. */
  readonly ownerId: string;
  /** The work indicator already confirmed from this proposal, if any. */
  readonly confirmedIndicatorId: string | null;
}

/** Proposals read from the plan's stored key tasks and 专栏 items (nothing is stored). */
export async function proposeForPlan(db: Db, planId: string) {
  const { plan, taskRows, keyOf, boxes, items } = await planOutline(db, planId);
  // Loaded on use, like every use of the importer in the API (its document readers are heavy).
  const { proposeWorkIndicators } = await import("@ybplan/importer");
  const result = proposeWorkIndicators({
    plan: { periodEnd: plan.periodEnd },
    tasks: taskRows.map((t) => ({
      key: t.key,
      number: t.number,
      title: t.title,
      text: t.text,
      leadDepartment: null,
      deadline: null,
      line: 0,
      level: t.level,
      parentKey: t.parentId === null ? null : (keyOf.get(t.parentId) ?? null),
      kind: t.kind ?? null,
    })),
    projects: boxes.map((b) => ({
      key: b.key,
      number: b.number,
      title: b.title,
      line: 0,
      items: items
        .filter((i) => i.projectId === b.id)
        .map((i) => ({
          key: i.key,
          number: i.number,
          title: i.title,
          text: i.text,
          leadDepartment: null,
          deadline: null,
          line: 0,
        })),
    })),
  });
  const taskIds = new Map(taskRows.map((t) => [t.key, t.id]));
  const itemIds = new Map(items.map((i) => [i.key, i.id]));
  const existing = await db
    .select({ id: indicators.id, key: indicators.key })
    .from(indicators)
    .where(eq(indicators.planId, planId));
  const byKey = new Map(existing.map((e) => [e.key, e.id]));
  const proposals: ProposalDto[] = result.proposals.flatMap((p) => {
    const ownerId = (p.owner.kind === "task" ? taskIds : itemIds).get(p.owner.key);
    if (ownerId === undefined) return [];
    return [
      { ...p, ownerId, confirmedIndicatorId: byKey.get(workIndicatorKey(p.owner.key, p.name)) ?? null },
    ];
  });
  return { proposals, warnings: result.warnings };
}

async function ownerOf(tx: Db, planId: string, kind: WorkOwnerKind, id: string): Promise<Owner> {
  const refuse = () =>
    new ValidationError({ issues: [{ path: ["owner"], message: "所选任务或专栏项目不属于该规划" }] });
  if (kind === "task") {
    const [t] = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, id), eq(tasks.planId, planId)));
    if (!t) throw refuse();
    return { kind, id, key: t.key, label: `${t.number}${t.title}` };
  }
  const [row] = await tx
    .select({ item: projectItems, box: projects })
    .from(projectItems)
    .innerJoin(projects, eq(projects.id, projectItems.projectId))
    .where(and(eq(projectItems.id, id), eq(projects.planId, planId)));
  if (!row) throw refuse();
  return { kind, id, key: row.item.key, label: `${row.box.number}（${row.item.number}）${row.item.title}` };
}

export interface ConfirmInput {
  readonly planId: string;
  readonly owner: { readonly kind: WorkOwnerKind; readonly id: string };
  readonly name: string;
  readonly unit: string | null;
  readonly attribute: IndicatorAttribute;
  /** Null: inferred from the name and target, as for imported rows. */
  readonly direction: IndicatorDirection | null;
  readonly baselineText: string;
  /** The end-of-period target; null: the last stage's. */
  readonly targetText: string | null;
  readonly stages: readonly { readonly year: number; readonly targetText: string }[];
  /** The plan's own words the indicator was read from (kept as its definition). */
  readonly source: string | null;
}

/**
 * Stores a confirmed work indicator with its staged yearly targets, in one transaction, audited:
 * the indicator, then one target entry of scope "year" per stage. Refused with the field: an owner
 * outside the plan, a name already used under the same owner, a stage outside the plan period or
 * twice for one year, an unreadable target.
 */
export async function confirmWorkIndicator(db: Db, actor: Actor, code: string, input: ConfirmInput) {
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, input.planId)).for("update");
    if (!plan) throw new NotFoundError({ entity: "plan", entityId: input.planId });
    const owner = await ownerOf(tx, input.planId, input.owner.kind, input.owner.id);
    const key = workIndicatorKey(owner.key, input.name);
    const [dup] = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.planId, input.planId), eq(indicators.key, key)));
    if (dup) throw new ValidationError({ issues: [{ path: ["name"], message: "该任务下已有同名工作指标" }] });

    const stages = [...input.stages].sort((a, b) => a.year - b.year);
    const parsedStages: { year: number; text: string; cell: ReturnType<typeof parseTargetCell> }[] = [];
    for (const [i, s] of stages.entries()) {
      const cell = parseTargetCell(s.targetText);
      const check = checkRevision({
        effectiveYear: s.year,
        target: cell,
        period: plan,
        // a new indicator has no settled verdicts: its stages may lie in approved years
        approvedYears: [],
        existingYears: parsedStages.map((p) => p.year),
      });
      if (Result.isFailure(check)) {
        // On the stage's own field, in a stage's words (the shared rule speaks of 中期调整).
        const r = check.failure.refusal;
        const [field, message] =
          r.kind === "outsidePeriod"
            ? ["year", `分年度目标年份 ${r.year} 不在规划期 ${r.start}–${r.end} 之内`]
            : r.kind === "duplicate"
              ? ["year", `${r.year} 年已有分年度目标`]
              : r.kind === "unrecognised"
                ? ["targetText", `无法识别分年度目标“${r.text}”`]
                : ["year", check.failure.message];
        throw new ValidationError({ issues: [{ path: ["stages", i, field], message }] });
      }
      parsedStages.push({ year: s.year, text: s.targetText, cell });
    }
    const targetText = input.targetText ?? stages.at(-1)?.targetText ?? null;
    if (targetText === null) {
      throw new ValidationError({ issues: [{ path: ["targetText"], message: "请填写目标值或分年度目标" }] });
    }
    const target = parseTargetCell(targetText);
    if (target.expression.kind === "unrecognised") {
      throw new ValidationError({
        issues: [{ path: ["targetText"], message: `无法识别目标“${targetText}”` }],
      });
    }
    const baseline = parseTargetCell(input.baselineText);
    const [last] = await tx
      .select({ p: max(indicators.position) })
      .from(indicators)
      .where(eq(indicators.planId, input.planId));
    const [row] = await tx
      .insert(indicators)
      .values({
        planId: input.planId,
        key,
        position: (last?.p ?? 0) + 1,
        category: CATEGORY,
        name: input.name,
        unit: input.unit,
        baseline,
        baselineText: input.baselineText,
        target,
        targetText,
        targetKind: target.expression.kind,
        attribute: input.attribute,
        direction: input.direction ?? inferDirection(input.name, target.expression),
        definition: input.source,
        footnote: null,
        assessment: "endOfPeriod",
        confidence: "manual",
        taskId: owner.kind === "task" ? owner.id : null,
        projectItemId: owner.kind === "projectItem" ? owner.id : null,
        updatedBy: actor.name,
      })
      .returning();
    const stageRows = parsedStages.length
      ? await tx
          .insert(targetRevisions)
          .values(
            parsedStages.map((s) => ({
              indicatorId: row!.id,
              effectiveYear: s.year,
              scope: "year" as const,
              target: s.cell,
              targetText: s.text,
              reason: "规划确定的分年度目标",
              basis: `${plan.title}，${owner.label}`,
              updatedBy: actor.name,
            })),
          )
          .returning()
      : [];
    await writeAudit(tx, actor, {
      action: "confirmWorkIndicator",
      entity: "indicator",
      entityId: row!.id,
      jurisdictionCode: code,
      after: { ...row, stages: stageRows },
    });
    return { indicator: indicatorDto(row!), owner, stages: stageRows.map(stageDto) };
  });
}

function stageDto(r: typeof targetRevisions.$inferSelect) {
  return { id: r.id, year: r.effectiveYear, targetText: r.targetText, target: r.target };
}

/** The plan's work indicators with their owner and staged yearly targets. */
export async function listWorkIndicators(db: Db, planId: string) {
  const rows = await db
    .select()
    .from(indicators)
    .where(
      and(
        eq(indicators.planId, planId),
        or(isNotNull(indicators.taskId), isNotNull(indicators.projectItemId)),
      ),
    )
    .orderBy(asc(indicators.position));
  const stages = rows.length
    ? await db
        .select()
        .from(targetRevisions)
        .where(
          and(
            inArray(
              targetRevisions.indicatorId,
              rows.map((r) => r.id),
            ),
            eq(targetRevisions.scope, "year"),
          ),
        )
        .orderBy(asc(targetRevisions.effectiveYear))
    : [];
  return rows.map((r) => ({
    indicator: indicatorDto(r),
    taskId: r.taskId,
    projectItemId: r.projectItemId,
    stages: stages.filter((s) => s.indicatorId === r.id).map(stageDto),
  }));
}
