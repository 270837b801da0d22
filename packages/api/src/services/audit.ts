import { auditLog, type Db, indicators, plans, projectItems, projects, tasks } from "@ybplan/db";
import { labelOfAction, labelOfEntity, labelOfField } from "@ybplan/domain/common";
import { planStatusLabels } from "@ybplan/domain/plan";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { JurisdictionDirectory } from "../auth/directory.ts";

/**
 * The audit log as a person reads it: the object by name ("黄石市 · 基本医疗保险参保率 · 2024"),
 * what changed field by field with Chinese labels, and the time in China's local time. Filters
 * by plan, indicator and year answer "who changed 黄石's 2024 参保率".
 */

const AUDIT_TIME_ZONE = "Asia/Shanghai";

/** Bookkeeping fields a person does not need in a diff (the row says who and when). */
const hiddenFields = new Set([
  "id",
  "version",
  "updatedAt",
  "updatedBy",
  "createdAt",
  "recordedAt",
  "recordedBy",
  "passwordHash",
]);

type AuditRow = typeof auditLog.$inferSelect;
type Json = Record<string, unknown>;

interface FieldChangeDto {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

const localTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: AUDIT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "2024-03-05 14:22:10" in Asia/Shanghai. */
function formatLocalTime(d: Date): string {
  const p = Object.fromEntries(localTime.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const asJson = (v: unknown): Json | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

/** A stored value as text: numbers plainly, statuses by their label, empty as "（空）". */
function show(field: string, v: unknown): string {
  if (v === undefined || v === null || v === "") return "（空）";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (field === "status" && typeof v === "string" && v in planStatusLabels) {
    return planStatusLabels[v as keyof typeof planStatusLabels];
  }
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return JSON.stringify(v);
}

/**
 * Field-by-field changes; an observation's value (kind + number + text) reads as one "数值".
 * For a creation every filled field is listed, for a deletion every field that was filled.
 */
function fieldChanges(
  before: unknown,
  after: unknown,
  nameOf: (field: string, id: string) => string | undefined = () => undefined,
): FieldChangeDto[] {
  const b = foldValue(asJson(before) ?? {});
  const a = foldValue(asJson(after) ?? {});
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !hiddenFields.has(k));
  // A reference (indicatorId, parentPlanId, …) reads as the name of what it points to.
  const text = (k: string, v: unknown) => (typeof v === "string" && nameOf(k, v)) || show(k, v);
  return keys
    .map((k) => ({ field: k, label: labelOfField(k), before: text(k, b[k]), after: text(k, a[k]) }))
    .filter((c) => c.before !== c.after);
}

function foldValue(row: Json): Json {
  if (!("valueKind" in row)) return row;
  const { valueKind, valueNumber, valueText, ...rest } = row;
  const value = valueKind === "number" ? valueNumber : valueKind === "text" ? valueText : null;
  return { value, ...rest };
}

export interface AuditItemDto {
  readonly id: number;
  readonly at: string;
  /** Local time (Asia/Shanghai), "YYYY-MM-DD HH:mm:ss". */
  readonly atLocal: string;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: string;
  readonly actionLabel: string;
  readonly entity: string;
  readonly entityLabel: string;
  readonly entityId: string;
  /** The object by name: "黄石市 · 基本医疗保险参保率 · 2024". */
  readonly objectLabel: string;
  readonly jurisdictionCode: string | null;
  readonly jurisdictionName: string | null;
  readonly changes: FieldChangeDto[];
  readonly before: unknown;
  readonly after: unknown;
}

/** Names of the indicators, plans, tasks and 专栏 the rows refer to (one query per kind). */
async function namesFor(db: Db, rows: readonly AuditRow[]) {
  const ids = (pick: (r: AuditRow, j: Json) => unknown) => [
    ...new Set(
      rows.flatMap((r) => {
        const j = asJson(r.after) ?? asJson(r.before) ?? {};
        const v = pick(r, j);
        return typeof v === "string" ? [v] : [];
      }),
    ),
  ];
  const indicatorIds = [
    ...ids((r, j) => (r.entity === "indicator" ? r.entityId : j.indicatorId)),
    ...ids((_, j) => j.parentIndicatorId),
  ];
  const planIds = [
    ...ids((r, j) => (r.entity === "plan" ? r.entityId : j.planId)),
    ...ids((_, j) => j.parentPlanId),
  ];
  const taskIds = ids((_, j) => j.taskId);
  const itemIds = ids((_, j) => j.projectItemId);
  const projectIds = ids((_, j) => j.projectId);
  const [ind, pl, ts, its, pr] = await Promise.all([
    indicatorIds.length
      ? db
          .select({ id: indicators.id, name: indicators.name })
          .from(indicators)
          .where(inArray(indicators.id, indicatorIds))
      : [],
    planIds.length
      ? db.select({ id: plans.id, name: plans.title }).from(plans).where(inArray(plans.id, planIds))
      : [],
    taskIds.length
      ? db.select({ id: tasks.id, name: tasks.title }).from(tasks).where(inArray(tasks.id, taskIds))
      : [],
    itemIds.length
      ? db
          .select({ id: projectItems.id, name: projectItems.title })
          .from(projectItems)
          .where(inArray(projectItems.id, itemIds))
      : [],
    projectIds.length
      ? db
          .select({ id: projects.id, name: projects.title })
          .from(projects)
          .where(inArray(projects.id, projectIds))
      : [],
  ]);
  const map = (list: readonly { id: string; name: string }[]) => new Map(list.map((x) => [x.id, x.name]));
  return { indicator: map(ind), plan: map(pl), task: map(ts), item: map(its), project: map(pr) };
}

type Names = Awaited<ReturnType<typeof namesFor>>;

function referenceName(names: Names, field: string, id: string): string | undefined {
  switch (field) {
    case "indicatorId":
    case "parentIndicatorId":
      return names.indicator.get(id);
    case "planId":
    case "parentPlanId":
      return names.plan.get(id);
    case "taskId":
      return names.task.get(id);
    case "projectId":
      return names.project.get(id);
    case "projectItemId":
      return names.item.get(id);
    default:
      return undefined;
  }
}

/** The object's name from its own content (it may since have been deleted) or the current rows. */
function objectLabel(r: AuditRow, names: Names, jurisdictionName: string | null): string {
  const j = asJson(r.after) ?? asJson(r.before) ?? {};
  const parts: (string | null)[] = [];
  const indicatorName = (id: unknown) =>
    typeof id === "string" ? (names.indicator.get(id) ?? "已删除的指标") : null;
  switch (r.entity) {
    case "plan":
      parts.push(jurisdictionName, str(j.title) ?? names.plan.get(r.entityId) ?? null);
      break;
    case "indicator":
      parts.push(jurisdictionName, str(j.name) ?? names.indicator.get(r.entityId) ?? null);
      break;
    case "observation":
      parts.push(
        jurisdictionName,
        indicatorName(j.indicatorId),
        str(j.subject),
        typeof j.year === "number" ? String(j.year) : null,
      );
      break;
    case "task":
    case "project":
    case "projectItem":
      parts.push(jurisdictionName, str(j.title) ?? null);
      break;
    case "progressNote": {
      const owner =
        (typeof j.taskId === "string" ? names.task.get(j.taskId) : undefined) ??
        (typeof j.projectItemId === "string" ? names.item.get(j.projectItemId) : undefined) ??
        null;
      parts.push(jurisdictionName, owner, typeof j.year === "number" ? `${j.year}年进展` : null);
      break;
    }
    case "user":
      parts.push(
        str(j.displayName) && str(j.username)
          ? `${j.displayName}（${j.username}）`
          : (str(j.displayName) ?? null),
      );
      break;
    case "jurisdiction":
      parts.push(str(j.name) ?? jurisdictionName);
      break;
    case "loginAccount":
      parts.push(`账号 ${r.entityId}`);
      break;
    case "loginAddress":
      parts.push(`地址 ${r.entityId}`);
      break;
    default:
      parts.push(jurisdictionName, str(j.name) ?? str(j.title) ?? null);
  }
  const label = parts.filter((p): p is string => p !== null && p.length > 0).join(" · ");
  return label || `${labelOfEntity(r.entity)} ${r.entityId.slice(0, 8)}`;
}

export async function describeAuditRows(
  db: Db,
  dir: JurisdictionDirectory,
  rows: readonly AuditRow[],
): Promise<AuditItemDto[]> {
  const names = await namesFor(db, rows);
  return rows.map((r) => {
    const jurisdictionName = r.jurisdictionCode ? (dir.byCode.get(r.jurisdictionCode)?.name ?? null) : null;
    return {
      id: r.id,
      at: r.at.toISOString(),
      atLocal: formatLocalTime(r.at),
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      actionLabel: labelOfAction(r.action),
      entity: r.entity,
      entityLabel: labelOfEntity(r.entity),
      entityId: r.entityId,
      objectLabel: objectLabel(r, names, jurisdictionName),
      jurisdictionCode: r.jurisdictionCode,
      jurisdictionName,
      changes: fieldChanges(r.before, r.after, (field, id) => referenceName(names, field, id)),
      before: r.before,
      after: r.after,
    };
  });
}

/** Rows about a plan: the plan itself, its indicators, tasks, 专栏, and their figures and notes. */
export function auditOfPlan(planId: string): SQL {
  const ref = (key: string) => sql`coalesce(${auditLog.after}->>${key}, ${auditLog.before}->>${key})`;
  return sql`(
    (${auditLog.entity} = 'plan' AND ${auditLog.entityId} = ${planId})
    OR ${ref("planId")} = ${planId}
    OR ${ref("indicatorId")} IN (SELECT id::text FROM indicators WHERE plan_id = ${planId})
    OR ${ref("taskId")} IN (SELECT id::text FROM tasks WHERE plan_id = ${planId})
    OR ${ref("projectId")} IN (SELECT id::text FROM projects WHERE plan_id = ${planId})
    OR ${ref("projectItemId")} IN (SELECT i.id::text FROM project_items i JOIN projects p ON p.id = i.project_id WHERE p.plan_id = ${planId})
  )`;
}

/** Rows about an indicator: the indicator and its figures. */
export function auditOfIndicator(indicatorId: string): SQL {
  return sql`(
    (${auditLog.entity} = 'indicator' AND ${auditLog.entityId} = ${indicatorId})
    OR coalesce(${auditLog.after}->>'indicatorId', ${auditLog.before}->>'indicatorId') = ${indicatorId}
  )`;
}

/** Rows about a year (figures and progress notes carry one). */
export function auditOfYear(year: number): SQL {
  return sql`coalesce(${auditLog.after}->>'year', ${auditLog.before}->>'year') = ${String(year)}`;
}
