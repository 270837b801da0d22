import {
  type Actor,
  assertVersion,
  bump,
  type Db,
  departments,
  NotFoundError,
  projectItems,
  projects,
  tasks,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { and, asc, eq, max, or, sql } from "drizzle-orm";
import { z } from "zod";
import { iso } from "./common.ts";
import { Stamp } from "./dto.ts";

/**
 * Departments and agencies of a jurisdiction (市医保局、市卫健委 …), the list lead units
 * (牵头单位) and co-units (配合单位) of tasks and 专栏 items are chosen from.
 */

type DepartmentRow = typeof departments.$inferSelect;

/** A department as answered (`.output()` of the departments procedures). */
export const DepartmentDto = z
  .object({ id: z.uuid(), jurisdictionCode: AdminCode, name: z.string(), position: z.number().int() })
  .extend(Stamp.shape);
export type DepartmentDto = z.infer<typeof DepartmentDto>;

function departmentDto(d: DepartmentRow): DepartmentDto {
  return {
    id: d.id,
    jurisdictionCode: d.jurisdictionCode,
    name: d.name,
    position: d.position,
    version: d.version,
    updatedAt: iso(d.updatedAt)!,
    updatedBy: d.updatedBy,
  };
}

export async function listDepartments(db: Db, jurisdictionCode: string): Promise<DepartmentDto[]> {
  const rows = await db
    .select()
    .from(departments)
    .where(eq(departments.jurisdictionCode, jurisdictionCode))
    .orderBy(asc(departments.position), asc(departments.name));
  return rows.map(departmentDto);
}

/** The jurisdiction a department belongs to (for the authorisation check). */
export async function departmentJurisdiction(db: Db, id: string): Promise<string> {
  const [row] = await db
    .select({ code: departments.jurisdictionCode })
    .from(departments)
    .where(eq(departments.id, id));
  if (!row) throw new NotFoundError({ entity: "department", entityId: id });
  return row.code;
}

async function checkNameFree(tx: Db, code: string, name: string, exceptId: string | null) {
  const [dup] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.jurisdictionCode, code), eq(departments.name, name)));
  if (dup && dup.id !== exceptId)
    throw new ValidationError({ issues: [{ path: ["name"], message: `部门名称：本地区已有“${name}”` }] });
}

export async function createDepartment(
  db: Db,
  actor: Actor,
  input: { jurisdictionCode: string; name: string },
): Promise<DepartmentDto> {
  return db.transaction(async (tx) => {
    await checkNameFree(tx, input.jurisdictionCode, input.name, null);
    const [last] = await tx
      .select({ p: max(departments.position) })
      .from(departments)
      .where(eq(departments.jurisdictionCode, input.jurisdictionCode));
    const [row] = await tx
      .insert(departments)
      .values({ ...input, position: (last?.p ?? -1) + 1, updatedBy: actor.name })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "department",
      entityId: row!.id,
      jurisdictionCode: input.jurisdictionCode,
      after: row,
    });
    return departmentDto(row!);
  });
}

export async function updateDepartment(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; data: { name?: string | undefined; position?: number | undefined } },
): Promise<DepartmentDto> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(departments).where(eq(departments.id, input.id)).for("update");
    if (!before) throw new NotFoundError({ entity: "department", entityId: input.id });
    assertVersion("department", before.id, before, input.version);
    if (input.data.name !== undefined)
      await checkNameFree(tx, before.jurisdictionCode, input.data.name, before.id);
    const [after] = await tx
      .update(departments)
      .set({ ...input.data, ...bump(before, actor.name) })
      .where(eq(departments.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "update",
      entity: "department",
      entityId: before.id,
      jurisdictionCode: before.jurisdictionCode,
      before,
      after,
    });
    return departmentDto(after!);
  });
}

/** Titles of the tasks and 专栏 items a department leads or co-operates on. */
async function workOf(tx: Db, id: string): Promise<string[]> {
  const member = (col: typeof tasks.coDepartmentIds | typeof projectItems.coDepartmentIds) =>
    sql`${col} @> ${JSON.stringify([id])}::jsonb`;
  const [t, i] = await Promise.all([
    tx
      .select({ number: tasks.number, title: tasks.title })
      .from(tasks)
      .where(or(eq(tasks.leadDepartmentId, id), member(tasks.coDepartmentIds)))
      .orderBy(asc(tasks.position)),
    tx
      .select({ number: projectItems.number, title: projectItems.title, box: projects.number })
      .from(projectItems)
      .innerJoin(projects, eq(projects.id, projectItems.projectId))
      .where(or(eq(projectItems.leadDepartmentId, id), member(projectItems.coDepartmentIds)))
      .orderBy(asc(projectItems.position)),
  ]);
  return [
    ...t.map((x) => `${x.number}${x.title}`),
    ...i.map((x) => `${x.box}${x.number ? ` ${x.number}` : ""}${x.title}`),
  ];
}

/** Deleting a department still named on work items is refused, naming them (nothing is unassigned silently). */
export async function deleteDepartment(
  db: Db,
  actor: Actor,
  input: { id: string; version: number },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(departments).where(eq(departments.id, input.id)).for("update");
    if (!before) throw new NotFoundError({ entity: "department", entityId: input.id });
    assertVersion("department", before.id, before, input.version);
    const work = await workOf(tx, before.id);
    if (work.length > 0) {
      const shown = work.length > 5 ? `${work.slice(0, 5).join("、")}等${work.length}项` : work.join("、");
      throw new ValidationError({
        issues: [{ path: ["id"], message: `${before.name}仍是以下任务的牵头或配合单位，不能删除：${shown}` }],
      });
    }
    await tx.delete(departments).where(eq(departments.id, before.id));
    await writeAudit(tx, actor, {
      action: "delete",
      entity: "department",
      entityId: before.id,
      jurisdictionCode: before.jurisdictionCode,
      before,
    });
    return { id: before.id };
  });
}
