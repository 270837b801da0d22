import {
  type Actor,
  assertVersion,
  bump,
  ConflictError,
  type Db,
  departments,
  NotFoundError,
  plans,
  progressNotes,
  projectItems,
  projects,
  tasks,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { keyTaskKeys, type WorkStatus } from "@ybplan/domain/task";
import { deadlineProblem, isOverdue } from "@ybplan/domain/workitem";
import { and, asc, eq, inArray, isNull, max } from "drizzle-orm";
import { changedFields, type Patch } from "./common.ts";
import {
  noteDto,
  type ProgressNoteDto,
  type ProjectDto,
  type ProjectItemDto,
  projectDto,
  projectItemDto,
  type TaskDto,
  taskDto,
} from "./dto.ts";

/**
 * Key tasks (重点任务 outline), 专栏 projects and their items, and yearly progress notes.
 * Structure edits need `editPlan`; status and progress notes need `enterData` (the router decides).
 */

export interface WorkFields {
  number: string;
  title: string;
  text: string;
  leadDepartment: string | null;
  /** Lead unit from the plan jurisdiction's department list. */
  leadDepartmentId: string | null;
  /** Co-units (配合单位) from the same list. */
  coDepartmentIds: string[];
  deadline: string | null;
  status: WorkStatus;
  position: number;
}

type PlanOf = { id: string; jurisdictionCode: string; periodStart: number; periodEnd: number };

async function planById(tx: Db, planId: string): Promise<PlanOf> {
  const [p] = await tx
    .select({
      id: plans.id,
      jurisdictionCode: plans.jurisdictionCode,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
    })
    .from(plans)
    .where(eq(plans.id, planId));
  if (!p) throw new NotFoundError({ entity: "plan", entityId: planId });
  return p;
}

async function planOfProject(tx: Db, projectId: string): Promise<PlanOf> {
  const [p] = await tx.select({ planId: projects.planId }).from(projects).where(eq(projects.id, projectId));
  if (!p) throw new NotFoundError({ entity: "project", entityId: projectId });
  return planById(tx, p.planId);
}

/**
 * The rules of who answers for a work item and by when: the deadline within the plan period, the
 * lead unit and co-units from the plan jurisdiction's department list. Refusals name the field.
 */
async function checkAssignment(
  tx: Db,
  plan: PlanOf,
  f: {
    deadline?: string | null | undefined;
    leadDepartmentId?: string | null | undefined;
    coDepartmentIds?: string[] | undefined;
  },
): Promise<void> {
  const issues: { path: string[]; message: string }[] = [];
  const late = deadlineProblem(f.deadline ?? null, plan);
  if (late) issues.push({ path: ["deadline"], message: late });
  const wanted = [
    ...new Set([...(f.leadDepartmentId ? [f.leadDepartmentId] : []), ...(f.coDepartmentIds ?? [])]),
  ];
  if (wanted.length > 0) {
    const known = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.jurisdictionCode, plan.jurisdictionCode), inArray(departments.id, wanted)));
    const ok = new Set(known.map((k) => k.id));
    if (f.leadDepartmentId && !ok.has(f.leadDepartmentId))
      issues.push({
        path: ["leadDepartmentId"],
        message: "牵头单位：不在本地区的部门名单中，请先在部门名单中添加",
      });
    if ((f.coDepartmentIds ?? []).some((id) => !ok.has(id)))
      issues.push({ path: ["coDepartmentIds"], message: "配合单位：含有不在本地区部门名单中的单位" });
    if (f.leadDepartmentId && (f.coDepartmentIds ?? []).includes(f.leadDepartmentId))
      issues.push({ path: ["coDepartmentIds"], message: "配合单位：不能与牵头单位相同" });
  }
  if (issues.length > 0) throw new ValidationError({ issues });
}

/**
 * The stored yearly progress notes of tasks or 专栏 items, by owner id, each list in year order.
 * Every answer carrying a task or item reads its notes here (lists and single rows alike), so a
 * client that replaces its row with an answer never loses them.
 */
async function progressOf(
  db: Db,
  key: "taskId" | "projectItemId",
  ids: readonly string[],
): Promise<Map<string, ProgressNoteDto[]>> {
  const out = new Map<string, ProgressNoteDto[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(progressNotes)
    .where(inArray(progressNotes[key], [...ids]))
    .orderBy(asc(progressNotes.year));
  for (const n of rows) {
    const id = n[key];
    if (!id) continue;
    const list = out.get(id) ?? [];
    list.push(noteDto(n));
    out.set(id, list);
  }
  return out;
}

type TaskRow = typeof tasks.$inferSelect;
type ProjectRow = typeof projects.$inferSelect;
type ProjectItemRow = typeof projectItems.$inferSelect;

/** Tasks as answered, with their notes. */
async function taskAnswers(db: Db, rows: readonly TaskRow[]): Promise<TaskDto[]> {
  const notes = await progressOf(
    db,
    "taskId",
    rows.map((r) => r.id),
  );
  return rows.map((r) => taskDto(r, notes.get(r.id) ?? []));
}

/** 专栏 items as answered, with their notes. */
async function projectItemAnswers(db: Db, rows: readonly ProjectItemRow[]): Promise<ProjectItemDto[]> {
  const notes = await progressOf(
    db,
    "projectItemId",
    rows.map((r) => r.id),
  );
  return rows.map((r) => projectItemDto(r, notes.get(r.id) ?? []));
}

/** 专栏 boxes as answered: each with its items (position order) and their notes. */
async function projectAnswers(
  db: Db,
  rows: readonly ProjectRow[],
  items: readonly ProjectItemRow[],
): Promise<ProjectDto[]> {
  const answered = await projectItemAnswers(db, items);
  return rows.map((p) =>
    projectDto(
      p,
      answered.filter((i) => i.projectId === p.id),
    ),
  );
}

/** One task, one 专栏 item, one 专栏 box: the single-row answers of updates and status changes. */
export const taskAnswer = async (db: Db, row: TaskRow) => (await taskAnswers(db, [row]))[0]!;
export const projectItemAnswer = async (db: Db, row: ProjectItemRow) =>
  (await projectItemAnswers(db, [row]))[0]!;
export async function projectAnswer(db: Db, row: ProjectRow): Promise<ProjectDto> {
  return (await projectAnswers(db, [row], await itemsOf(db, [row.id])))[0]!;
}

export async function listTasks(db: Db, planId: string) {
  const rows = await db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.position));
  return taskAnswers(db, rows);
}

export async function createTask(
  db: Db,
  actor: Actor,
  code: string,
  input: Patch<WorkFields> & { planId: string; title: string; parentId: string | null },
) {
  return db.transaction(async (tx) => {
    await checkAssignment(tx, await planById(tx, input.planId), input);
    let level = 1;
    if (input.parentId) {
      const [parent] = await tx.select().from(tasks).where(eq(tasks.id, input.parentId));
      if (!parent || parent.planId !== input.planId) {
        throw new ValidationError({ issues: [{ path: ["parentId"], message: "上级任务不属于该规划" }] });
      }
      level = Math.min(parent.level + 1, 6);
    }
    const [last] = await tx
      .select({ p: max(tasks.position) })
      .from(tasks)
      .where(eq(tasks.planId, input.planId));
    const [row] = await tx
      .insert(tasks)
      .values({
        ...input,
        level,
        key: `manual/${crypto.randomUUID()}`,
        position: input.position ?? (last?.p ?? 0) + 1,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "task",
      entityId: row!.id,
      jurisdictionCode: code,
      after: row,
    });
    return taskDto(row!);
  });
}

/** The items of 专栏 boxes, in position order. */
async function itemsOf(db: Db, projectIds: readonly string[]): Promise<ProjectItemRow[]> {
  return projectIds.length
    ? db
        .select()
        .from(projectItems)
        .where(inArray(projectItems.projectId, [...projectIds]))
        .orderBy(asc(projectItems.position))
    : [];
}

/** A plan's 专栏 boxes and their items, each in position order. */
export async function projectRows(db: Db, planId: string) {
  const rows = await db
    .select()
    .from(projects)
    .where(eq(projects.planId, planId))
    .orderBy(asc(projects.position));
  return {
    rows,
    items: await itemsOf(
      db,
      rows.map((r) => r.id),
    ),
  };
}

export async function listProjects(db: Db, planId: string) {
  const { rows, items } = await projectRows(db, planId);
  return projectAnswers(db, rows, items);
}

export async function createProject(
  db: Db,
  actor: Actor,
  code: string,
  input: { planId: string; number: string; title: string },
) {
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ p: max(projects.position) })
      .from(projects)
      .where(eq(projects.planId, input.planId));
    const [row] = await tx
      .insert(projects)
      .values({
        ...input,
        key: `manual/${crypto.randomUUID()}`,
        position: (last?.p ?? -1) + 1,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "project",
      entityId: row!.id,
      jurisdictionCode: code,
      after: row,
    });
    return projectDto(row!);
  });
}

export async function createProjectItem(
  db: Db,
  actor: Actor,
  code: string,
  input: Patch<WorkFields> & { projectId: string; title: string },
) {
  return db.transaction(async (tx) => {
    await checkAssignment(tx, await planOfProject(tx, input.projectId), input);
    const [last] = await tx
      .select({ p: max(projectItems.position) })
      .from(projectItems)
      .where(eq(projectItems.projectId, input.projectId));
    const [row] = await tx
      .insert(projectItems)
      .values({
        ...input,
        key: `manual/${crypto.randomUUID()}`,
        position: input.position ?? (last?.p ?? -1) + 1,
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "projectItem",
      entityId: row!.id,
      jurisdictionCode: code,
      after: row,
    });
    return projectItemDto(row!);
  });
}

/**
 * Saves the note of one year on a task or 专栏 item: `version` null creates it (a conflict if
 * someone created it first), a number updates it; empty `text` deletes it.
 */
export async function saveProgressNote(
  db: Db,
  actor: Actor,
  code: string,
  input: {
    taskId?: string | undefined;
    projectItemId?: string | undefined;
    year: number;
    text: string;
    version: number | null;
  },
): Promise<ProgressNoteDto | null> {
  const target = input.taskId
    ? ({ col: progressNotes.taskId, id: input.taskId, field: "taskId" } as const)
    : ({ col: progressNotes.projectItemId, id: input.projectItemId!, field: "projectItemId" } as const);
  return db.transaction(async (tx) => {
    const [cur] = await tx
      .select()
      .from(progressNotes)
      .where(and(eq(target.col, target.id), eq(progressNotes.year, input.year)))
      .for("update");
    const entityId = cur?.id ?? `${target.id}/${input.year}`;
    assertVersion(
      "progressNote",
      entityId,
      { version: cur?.version ?? 0, updatedAt: cur?.recordedAt ?? null, updatedBy: cur?.recordedBy ?? null },
      input.version ?? 0,
    );
    if (input.text.trim() === "") {
      if (!cur) return null;
      await tx.delete(progressNotes).where(eq(progressNotes.id, cur.id));
      await writeAudit(tx, actor, {
        action: "delete",
        entity: "progressNote",
        entityId: cur.id,
        jurisdictionCode: code,
        before: cur,
      });
      return null;
    }
    const now = new Date();
    if (!cur) {
      const [row] = await tx
        .insert(progressNotes)
        .values({
          [target.field]: target.id,
          year: input.year,
          text: input.text,
          recordedBy: actor.name,
          recordedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) {
        // Someone created this year's note between our read and insert.
        throw new ConflictError({
          entity: "progressNote",
          entityId,
          expectedVersion: null,
          currentVersion: 1,
          changedBy: null,
          changedAt: null,
        });
      }
      await writeAudit(tx, actor, {
        action: "create",
        entity: "progressNote",
        entityId: row.id,
        jurisdictionCode: code,
        after: row,
      });
      return noteDto(row);
    }
    const [row] = await tx
      .update(progressNotes)
      .set({ text: input.text, recordedBy: actor.name, recordedAt: now, version: cur.version + 1 })
      .where(eq(progressNotes.id, cur.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "update",
      entity: "progressNote",
      entityId: cur.id,
      jurisdictionCode: code,
      before: cur,
      after: row,
    });
    return noteDto(row!);
  });
}

type WorkKind = "task" | "projectItem";
const tableOf = { task: tasks, projectItem: projectItems } as const;

async function lockWork(tx: Db, kind: WorkKind, id: string, version: number) {
  const table = tableOf[kind];
  const [before] = await tx.select().from(table).where(eq(table.id, id)).for("update");
  if (!before) throw new NotFoundError({ entity: kind, entityId: id });
  assertVersion(kind, id, before, version);
  const plan =
    "planId" in before ? await planById(tx, before.planId) : await planOfProject(tx, before.projectId);
  return { before, plan };
}

/**
 * Edits a task or 专栏 item: only the fields sent change (the rest stay as stored), after the
 * assignment rules are checked against the result.
 */
export async function updateWorkItem<K extends WorkKind>(
  db: Db,
  actor: Actor,
  kind: K,
  code: string,
  input: { id: string; version: number; data: Patch<WorkFields> },
): Promise<(typeof tableOf)[K]["$inferSelect"]> {
  const data = changedFields(input.data);
  return db.transaction(async (tx) => {
    const { before, plan } = await lockWork(tx, kind, input.id, input.version);
    const merged = { ...before, ...data };
    await checkAssignment(tx, plan, merged);
    // Both tables share every WorkFields column; Drizzle cannot see that through the type parameter.
    const table = tableOf[kind] as typeof tasks;
    const [after] = await tx
      .update(table)
      .set({ ...data, ...bump(before, actor.name) })
      .where(eq(table.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "update",
      entity: kind,
      entityId: before.id,
      jurisdictionCode: code,
      before,
      after,
    });
    return after as (typeof tableOf)[K]["$inferSelect"];
  });
}

/** Moves a task or item one place up or down among its siblings (swapping positions; both audited). */
export async function moveWorkItem(
  db: Db,
  actor: Actor,
  kind: WorkKind,
  code: string,
  input: { id: string; version: number; direction: "up" | "down" },
): Promise<{ id: string; moved: boolean }> {
  return db.transaction(async (tx) => {
    const { before } = await lockWork(tx, kind, input.id, input.version);
    const siblings =
      "planId" in before
        ? await tx
            .select()
            .from(tasks)
            .where(
              and(
                eq(tasks.planId, before.planId),
                before.parentId ? eq(tasks.parentId, before.parentId) : isNull(tasks.parentId),
              ),
            )
            .orderBy(asc(tasks.position))
        : await tx
            .select()
            .from(projectItems)
            .where(eq(projectItems.projectId, before.projectId))
            .orderBy(asc(projectItems.position));
    const at = siblings.findIndex((x) => x.id === before.id);
    const other = siblings[input.direction === "up" ? at - 1 : at + 1];
    if (!other) return { id: before.id, moved: false };
    const table = tableOf[kind];
    // Equal positions (possible in imported outlines) would not swap: give the pair distinct ones.
    const [p1, p2] =
      other.position === before.position
        ? input.direction === "up"
          ? [before.position, before.position + 1]
          : [before.position + 1, before.position]
        : [other.position, before.position];
    for (const [row, position] of [
      [before, p1],
      [other, p2],
    ] as const) {
      const [after] = await tx
        .update(table)
        .set({ position, ...bump(row, actor.name) })
        .where(eq(table.id, row.id))
        .returning();
      await writeAudit(tx, actor, {
        action: "reorder",
        entity: kind,
        entityId: row.id,
        jurisdictionCode: code,
        before: row,
        after,
      });
    }
    return { id: before.id, moved: true };
  });
}

export interface LeadUnitRow {
  kind: WorkKind;
  id: string;
  planId: string;
  planTitle: string;
  number: string;
  title: string;
  deadline: string | null;
  status: WorkStatus;
  overdue: boolean;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  version: number;
}

/**
 * The planner's view: the work items of a jurisdiction's plans grouped by lead unit (department
 * list order; unassigned last), overdue first, then by deadline. Only key tasks (the outline
 * kind; chapters with sub-tasks are not work items of their own) and 专栏 items are listed, and
 * any node a planner assigned a lead unit.
 */
export async function workByLeadUnit(
  db: Db,
  input: {
    jurisdictionCode: string;
    planId?: string | undefined;
    departmentId?: string | undefined;
    today: string;
  },
) {
  const planRows = await db
    .select({ id: plans.id, title: plans.title })
    .from(plans)
    .where(
      input.planId
        ? and(eq(plans.jurisdictionCode, input.jurisdictionCode), eq(plans.id, input.planId))
        : eq(plans.jurisdictionCode, input.jurisdictionCode),
    );
  const titles = new Map(planRows.map((p) => [p.id, p.title]));
  const planIds = [...titles.keys()];
  const [taskRows, itemRows, depts] = await Promise.all([
    planIds.length ? db.select().from(tasks).where(inArray(tasks.planId, planIds)) : [],
    planIds.length
      ? db
          .select({ item: projectItems, planId: projects.planId, box: projects.number })
          .from(projectItems)
          .innerJoin(projects, eq(projects.id, projectItems.projectId))
          .where(inArray(projects.planId, planIds))
      : [],
    db
      .select()
      .from(departments)
      .where(eq(departments.jurisdictionCode, input.jurisdictionCode))
      .orderBy(asc(departments.position), asc(departments.name)),
  ]);
  // Key tasks only (the outline kind, a planner's correction first), plus anything assigned a lead unit.
  const keyTasks = keyTaskKeys(
    taskRows.map((t) => ({ key: t.id, parentKey: t.parentId, title: t.title, kind: t.kind })),
  );
  const rows: LeadUnitRow[] = [
    ...taskRows
      .filter((t) => keyTasks.has(t.id) || t.leadDepartmentId !== null)
      .map((t) => ({ kind: "task" as const, row: t, planId: t.planId, number: t.number })),
    ...itemRows.map((r) => ({
      kind: "projectItem" as const,
      row: r.item,
      planId: r.planId,
      number: `${r.box}${r.item.number ? ` ${r.item.number}` : ""}`,
    })),
  ].map(({ kind, row, planId, number }) => ({
    kind,
    id: row.id,
    planId,
    planTitle: titles.get(planId) ?? "",
    number,
    title: row.title,
    deadline: row.deadline,
    status: row.status,
    overdue: isOverdue(row, input.today),
    leadDepartmentId: row.leadDepartmentId,
    coDepartmentIds: row.coDepartmentIds,
    version: row.version,
  }));
  const order = (a: LeadUnitRow, b: LeadUnitRow) =>
    Number(b.overdue) - Number(a.overdue) ||
    (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") ||
    a.planTitle.localeCompare(b.planTitle) ||
    a.number.localeCompare(b.number);
  const groups = [
    ...depts.map((d) => ({ department: { id: d.id, name: d.name } as { id: string; name: string } | null })),
    { department: null },
  ]
    .filter((g) => !input.departmentId || g.department?.id === input.departmentId)
    .map((g) => {
      const items = rows.filter((r) => r.leadDepartmentId === (g.department?.id ?? null)).sort(order);
      return { ...g, items, overdue: items.filter((i) => i.overdue).length };
    })
    .filter((g) => g.items.length > 0 || g.department !== null);
  return { today: input.today, groups };
}
