import {
  type Db,
  indicators as indicatorTable,
  jurisdictions as jurisdictionTable,
  observations as observationTable,
  plans as planTable,
  progressNotes,
  projectItems as itemTable,
  projects as projectTable,
  tasks as taskTable,
} from "@ybplan/db";
import type { Indicator, Jurisdiction, Observation, Plan, ProgressNote, ProjectItem, Task } from "@ybplan/domain";
import { asc, eq, inArray, like, lte, or } from "drizzle-orm";
import { Effect } from "effect";
import { type Failure, NotFound, UsageError } from "../errors.ts";
import type { PlanBundle } from "./bundle.ts";
import { query } from "./database.ts";

type PlanRow = typeof planTable.$inferSelect;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The plan a `--plan` value names: a plan id, a jurisdiction code (420200) or name (黄石市), or
 * words of the plan's title. Several matches: the published one, else a usage error listing them.
 */
export function resolvePlan(db: Db, ref: string): Effect.Effect<PlanRow, NotFound | UsageError | Failure> {
  return Effect.gen(function* () {
    let rows: PlanRow[];
    if (uuid.test(ref)) {
      rows = yield* query("查询规划", () => db.select().from(planTable).where(eq(planTable.id, ref)));
    } else if (/^\d{6}$/.test(ref)) {
      rows = yield* query("查询规划", () => db.select().from(planTable).where(eq(planTable.jurisdictionCode, ref)));
    } else {
      const js = yield* query("查询行政区划", () =>
        db.select().from(jurisdictionTable).where(eq(jurisdictionTable.name, ref)),
      );
      rows = yield* query("查询规划", () =>
        db
          .select()
          .from(planTable)
          .where(
            js.length > 0
              ? or(inArray(planTable.jurisdictionCode, js.map((j) => j.code)), like(planTable.title, `%${ref}%`))
              : like(planTable.title, `%${ref}%`),
          ),
      );
    }
    if (rows.length === 0) return yield* Effect.fail(new NotFound({ message: `未找到规划“${ref}”` }));
    if (rows.length === 1) return rows[0]!;
    const published = rows.filter((r) => r.status === "published");
    if (published.length === 1) return published[0]!;
    const list = rows.map((r) => `${r.id}（${r.title}）`).join("；");
    return yield* Effect.fail(new UsageError({ message: `“${ref}”对应多个规划，请用 --plan <id> 指定：${list}` }));
  });
}

export function allPlans(db: Db): Effect.Effect<PlanRow[], Failure> {
  return query("查询规划", () =>
    db.select().from(planTable).where(inArray(planTable.status, ["published", "draft"])).orderBy(asc(planTable.jurisdictionCode)),
  );
}

export function allJurisdictions(db: Db): Effect.Effect<Jurisdiction[], Failure> {
  return query("查询行政区划", async () =>
    (await db.select().from(jurisdictionTable)).map((j) => ({
      code: j.code,
      name: j.name,
      level: j.level,
      parentCode: j.parentCode,
    })),
  );
}

export function toPlan(r: PlanRow): Plan {
  return {
    id: r.id,
    jurisdictionCode: r.jurisdictionCode,
    title: r.title,
    issuer: r.issuer,
    documentNumber: r.documentNumber,
    issueDate: r.issueDate,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    baselineYear: r.baselineYear,
    status: r.status,
    parentPlanId: r.parentPlanId,
    revision: r.revision,
  };
}

const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === "string" ? new Date(d).toISOString() : d.toISOString();

/** Loads plans with their indicators, observations up to `upToYear`, tasks and 专栏, in bulk. */
export function loadBundles(
  db: Db,
  planRows: readonly PlanRow[],
  jurisdictions: readonly Jurisdiction[],
  upToYear: number,
): Effect.Effect<PlanBundle[], Failure | NotFound> {
  return Effect.gen(function* () {
    if (planRows.length === 0) return [];
    const ids = planRows.map((p) => p.id);
    const [inds, obs, tasks, projects, items, notes] = yield* query("读取规划数据", async () => {
      const inds = await db.select().from(indicatorTable).where(inArray(indicatorTable.planId, ids));
      const obs = await db
        .select({ o: observationTable, planId: indicatorTable.planId })
        .from(observationTable)
        .innerJoin(indicatorTable, eq(observationTable.indicatorId, indicatorTable.id))
        .where(inArray(indicatorTable.planId, ids))
        .then((rows) => rows.filter((r) => r.o.year <= upToYear));
      const tasks = await db.select().from(taskTable).where(inArray(taskTable.planId, ids));
      const projects = await db.select().from(projectTable).where(inArray(projectTable.planId, ids));
      const items =
        projects.length === 0
          ? []
          : await db.select().from(itemTable).where(inArray(itemTable.projectId, projects.map((p) => p.id)));
      const notes = await db.select().from(progressNotes).where(lte(progressNotes.year, upToYear));
      return [inds, obs, tasks, projects, items, notes] as const;
    });

    const notesByTask = new Map<string, ProgressNote[]>();
    const notesByItem = new Map<string, ProgressNote[]>();
    for (const n of notes) {
      const note: ProgressNote = { year: n.year, text: n.text, recordedBy: n.recordedBy, recordedAt: iso(n.recordedAt) };
      const [map, key] = n.taskId ? [notesByTask, n.taskId] : [notesByItem, n.projectItemId];
      if (!key) continue;
      const list = map.get(key) ?? [];
      list.push(note);
      map.set(key, list);
    }
    const group = <T, K>(rows: readonly T[], key: (r: T) => K) => {
      const m = new Map<K, T[]>();
      for (const r of rows) {
        const list = m.get(key(r)) ?? [];
        list.push(r);
        m.set(key(r), list);
      }
      return m;
    };
    const indsByPlan = group(inds, (r) => r.planId);
    const obsByPlan = group(obs, (r) => r.planId);
    const tasksByPlan = group(tasks, (r) => r.planId);
    const projectsByPlan = group(projects, (r) => r.planId);
    const itemsByProject = group(items, (r) => r.projectId);
    const byCode = new Map(jurisdictions.map((j) => [j.code, j]));

    const out: PlanBundle[] = [];
    for (const row of planRows) {
      const jurisdiction = byCode.get(row.jurisdictionCode);
      if (!jurisdiction) {
        return yield* Effect.fail(new NotFound({ message: `规划“${row.title}”的行政区划 ${row.jurisdictionCode} 不存在` }));
      }
      out.push({
        plan: toPlan(row),
        jurisdiction,
        indicators: (indsByPlan.get(row.id) ?? []).map(
          (r): Indicator => ({
            id: r.id,
            planId: r.planId,
            position: r.position,
            category: r.category,
            name: r.name,
            unit: r.unit,
            baseline: r.baseline,
            target: r.target,
            attribute: r.attribute,
            direction: r.direction,
            definition: r.definition,
            footnote: r.footnote,
            assessment: r.assessment,
            parentIndicatorId: r.parentIndicatorId,
          }),
        ),
        observations: (obsByPlan.get(row.id) ?? []).map(
          ({ o }): Observation => ({
            indicatorId: o.indicatorId,
            year: o.year,
            value:
              o.valueKind === "number" && o.valueNumber !== null
                ? { kind: "number", value: o.valueNumber }
                : { kind: "text", text: o.valueText ?? "" },
            subject: o.subject,
            source: o.source,
            note: o.note,
            recordedBy: o.recordedBy,
            recordedAt: iso(o.recordedAt),
          }),
        ),
        tasks: (tasksByPlan.get(row.id) ?? []).map(
          (t): Task => ({
            id: t.id,
            planId: t.planId,
            number: t.number,
            title: t.title,
            text: t.text,
            leadDepartment: t.leadDepartment,
            deadline: t.deadline,
            status: t.status,
            progress: notesByTask.get(t.id) ?? [],
            position: t.position,
            level: t.level,
            parentId: t.parentId,
          }),
        ),
        projects: (projectsByPlan.get(row.id) ?? []).map((p) => ({
          id: p.id,
          planId: p.planId,
          number: p.number,
          title: p.title,
          position: p.position,
          items: (itemsByProject.get(p.id) ?? []).map(
            (i): ProjectItem => ({
              id: i.id,
              planId: p.planId,
              projectId: i.projectId,
              number: i.number,
              title: i.title,
              text: i.text,
              leadDepartment: i.leadDepartment,
              deadline: i.deadline,
              status: i.status,
              progress: notesByItem.get(i.id) ?? [],
              position: i.position,
            }),
          ),
        })),
      });
    }
    return out;
  });
}
