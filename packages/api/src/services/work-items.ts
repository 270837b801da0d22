import {
  type Actor,
  assertVersion,
  type Db,
  ConflictError,
  progressNotes,
  projectItems,
  projects,
  tasks,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import type { WorkStatus } from "@ybplan/domain/task";
import { and, asc, eq, inArray, max } from "drizzle-orm";
import { type ProgressNoteDto, noteDto, projectDto, projectItemDto, taskDto } from "./dto.ts";

/**
 * Key tasks (重点任务 outline), 专栏 projects and their items, and yearly progress notes.
 * Structure edits need `editPlan`; status and progress notes need `enterData` (the router decides).
 */

export interface WorkFields {
  number: string;
  title: string;
  text: string;
  leadDepartment: string | null;
  deadline: string | null;
  status: WorkStatus;
  position: number;
}

function groupNotes(rows: (typeof progressNotes.$inferSelect)[], key: "taskId" | "projectItemId") {
  const out = new Map<string, ProgressNoteDto[]>();
  for (const n of rows) {
    const id = n[key];
    if (!id) continue;
    const list = out.get(id) ?? [];
    list.push(noteDto(n));
    out.set(id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.year - b.year);
  return out;
}

export async function listTasks(db: Db, planId: string) {
  const rows = await db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.position));
  const notes = rows.length
    ? await db
        .select()
        .from(progressNotes)
        .where(
          inArray(
            progressNotes.taskId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const byTask = groupNotes(notes, "taskId");
  return rows.map((r) => taskDto(r, byTask.get(r.id) ?? []));
}

export async function createTask(
  db: Db,
  actor: Actor,
  code: string,
  input: Partial<WorkFields> & { planId: string; title: string; parentId: string | null },
) {
  return db.transaction(async (tx) => {
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

export async function listProjects(db: Db, planId: string) {
  const rows = await db
    .select()
    .from(projects)
    .where(eq(projects.planId, planId))
    .orderBy(asc(projects.position));
  const items = rows.length
    ? await db
        .select()
        .from(projectItems)
        .where(
          inArray(
            projectItems.projectId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(projectItems.position))
    : [];
  const notes = items.length
    ? await db
        .select()
        .from(progressNotes)
        .where(
          inArray(
            progressNotes.projectItemId,
            items.map((i) => i.id),
          ),
        )
    : [];
  const byItem = groupNotes(notes, "projectItemId");
  return rows.map((p) =>
    projectDto(
      p,
      items.filter((i) => i.projectId === p.id).map((i) => projectItemDto(i, byItem.get(i.id) ?? [])),
    ),
  );
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
  input: Partial<WorkFields> & { projectId: string; title: string },
) {
  return db.transaction(async (tx) => {
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
