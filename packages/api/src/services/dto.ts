import type {
  indicators,
  observations,
  plans,
  progressNotes,
  projectItems,
  projects,
  tasks,
  users,
} from "@ybplan/db";
import type { ObservationValue } from "@ybplan/domain/observation";
import type { Role } from "../auth/roles.ts";
import { iso } from "./common.ts";

/** Row → response shapes (dates as ISO strings; no password hashes). */

type Row<T extends { $inferSelect: unknown }> = T["$inferSelect"];

export function planDto(p: Row<typeof plans>) {
  return {
    id: p.id,
    jurisdictionCode: p.jurisdictionCode,
    title: p.title,
    issuer: p.issuer,
    documentNumber: p.documentNumber,
    issueDate: p.issueDate,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    baselineYear: p.baselineYear,
    status: p.status,
    parentPlanId: p.parentPlanId,
    revision: p.revision,
    footnotes: p.footnotes,
    importWarnings: p.importWarnings,
    resolvedWarnings: p.resolvedWarnings,
    version: p.version,
    updatedAt: iso(p.updatedAt)!,
    updatedBy: p.updatedBy,
  };
}
export type PlanDto = ReturnType<typeof planDto>;

export function indicatorDto(i: Row<typeof indicators>) {
  return {
    id: i.id,
    planId: i.planId,
    key: i.key,
    position: i.position,
    category: i.category,
    name: i.name,
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    attribute: i.attribute,
    direction: i.direction,
    definition: i.definition,
    footnote: i.footnote,
    assessment: i.assessment,
    parentIndicatorId: i.parentIndicatorId,
    confidence: i.confidence,
    version: i.version,
    updatedAt: iso(i.updatedAt)!,
    updatedBy: i.updatedBy,
  };
}
export type IndicatorDto = ReturnType<typeof indicatorDto>;

export function observationValue(
  o: Pick<Row<typeof observations>, "valueKind" | "valueNumber" | "valueText">,
): ObservationValue {
  return o.valueKind === "number"
    ? { kind: "number", value: o.valueNumber! }
    : { kind: "text", text: o.valueText ?? "" };
}

export function observationDto(o: Row<typeof observations>) {
  return {
    id: o.id,
    indicatorId: o.indicatorId,
    year: o.year,
    subject: o.subject,
    value: observationValue(o),
    source: o.source,
    note: o.note,
    recordedBy: o.recordedBy,
    recordedAt: iso(o.recordedAt)!,
    version: o.version,
  };
}
export type ObservationDto = ReturnType<typeof observationDto>;

export function noteDto(n: Row<typeof progressNotes>) {
  return {
    id: n.id,
    year: n.year,
    text: n.text,
    recordedBy: n.recordedBy,
    recordedAt: iso(n.recordedAt)!,
    version: n.version,
  };
}
export type ProgressNoteDto = ReturnType<typeof noteDto>;

export function taskDto(t: Row<typeof tasks>, notes: ProgressNoteDto[] = []) {
  return {
    id: t.id,
    planId: t.planId,
    key: t.key,
    parentId: t.parentId,
    level: t.level,
    number: t.number,
    title: t.title,
    text: t.text,
    leadDepartment: t.leadDepartment,
    leadDepartmentId: t.leadDepartmentId,
    coDepartmentIds: t.coDepartmentIds,
    deadline: t.deadline,
    status: t.status,
    position: t.position,
    progress: notes,
    version: t.version,
    updatedAt: iso(t.updatedAt)!,
    updatedBy: t.updatedBy,
  };
}
export type TaskDto = ReturnType<typeof taskDto>;

export function projectItemDto(i: Row<typeof projectItems>, notes: ProgressNoteDto[] = []) {
  return {
    id: i.id,
    projectId: i.projectId,
    key: i.key,
    number: i.number,
    title: i.title,
    text: i.text,
    leadDepartment: i.leadDepartment,
    leadDepartmentId: i.leadDepartmentId,
    coDepartmentIds: i.coDepartmentIds,
    deadline: i.deadline,
    status: i.status,
    position: i.position,
    progress: notes,
    version: i.version,
    updatedAt: iso(i.updatedAt)!,
    updatedBy: i.updatedBy,
  };
}
export type ProjectItemDto = ReturnType<typeof projectItemDto>;

export function projectDto(p: Row<typeof projects>, items: ProjectItemDto[] = []) {
  return {
    id: p.id,
    planId: p.planId,
    key: p.key,
    number: p.number,
    title: p.title,
    position: p.position,
    items,
    version: p.version,
    updatedAt: iso(p.updatedAt)!,
    updatedBy: p.updatedBy,
  };
}
export type ProjectDto = ReturnType<typeof projectDto>;

export function userDto(u: Row<typeof users>) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    jurisdictionCode: u.jurisdictionCode,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
    createdAt: iso(u.createdAt)!,
    updatedAt: iso(u.updatedAt)!,
    updatedBy: u.updatedBy,
  };
}
export type UserDto = ReturnType<typeof userDto>;
