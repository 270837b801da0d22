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
import { Indicator } from "@ybplan/domain/indicator";
import { Observation } from "@ybplan/domain/observation";
import { ImportWarning, Plan } from "@ybplan/domain/plan";
import { ProgressNote, Project, ProjectItem, Task } from "@ybplan/domain/task";
import { z } from "zod";
import { Role } from "../auth/roles.ts";
import { iso } from "./common.ts";
import { indicatorOf, observationOf, planOf } from "./read-model.ts";

/**
 * Row → response shapes (dates as ISO strings; no password hashes): the read model's domain
 * objects (`read-model.ts`) plus what a client needs to write back (version, who changed it).
 */

type Row<T extends { $inferSelect: unknown }> = T["$inferSelect"];

/** What every editable row answers besides its fields: the version to send back, who changed it last. */
export const Stamp = z.object({
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().nullable(),
});

/**
 * Response schemas (`.output()` of the procedures that return these DTOs): the domain's schema
 * plus the stamp, so the response type is the schema's, not a second hand-written shape.
 */
export const PlanDto = Plan.extend({
  footnotes: z.array(z.object({ mark: z.string(), text: z.string() })),
  importWarnings: z.array(ImportWarning),
  resolvedWarnings: z.array(
    z.object({ line: z.number(), message: z.string(), text: z.string(), by: z.string(), at: z.string() }),
  ),
}).extend(Stamp.shape);
export type PlanDto = z.infer<typeof PlanDto>;

export const IndicatorDto = Indicator.extend({
  targetText: z.string(),
  baselineText: z.string(),
  key: z.string(),
  confidence: z.enum(["table", "prose", "manual"]),
}).extend(Stamp.shape);
export type IndicatorDto = z.infer<typeof IndicatorDto>;

export const ObservationDto = Observation.extend({
  id: z.uuid(),
  subject: z.string().nullable(),
  recordedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
});
export type ObservationDto = z.infer<typeof ObservationDto>;

export function planDto(p: Row<typeof plans>): PlanDto {
  return {
    ...planOf(p),
    footnotes: p.footnotes,
    importWarnings: p.importWarnings,
    resolvedWarnings: p.resolvedWarnings,
    version: p.version,
    updatedAt: iso(p.updatedAt)!,
    updatedBy: p.updatedBy,
  };
}

export function indicatorDto(i: Row<typeof indicators>): IndicatorDto {
  return {
    ...indicatorOf(i),
    key: i.key,
    confidence: i.confidence,
    version: i.version,
    updatedAt: iso(i.updatedAt)!,
    updatedBy: i.updatedBy,
  };
}

export function observationDto(o: Row<typeof observations>): ObservationDto {
  return {
    id: o.id,
    ...observationOf(o),
    // As stored: null for the indicator as a whole (the domain type also allows absent).
    subject: o.subject,
    recordedAt: iso(o.recordedAt)!,
    version: o.version,
  };
}

export const ProgressNoteDto = ProgressNote.extend({
  id: z.uuid(),
  recordedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
});
export type ProgressNoteDto = z.infer<typeof ProgressNoteDto>;

/** What a task and a 专栏 item answer besides the domain's fields. */
const WorkDtoFields = {
  key: z.string(),
  leadDepartmentId: z.uuid().nullable(),
  coDepartmentIds: z.array(z.uuid()),
  progress: z.array(ProgressNoteDto),
};

/** A key task as answered (its outline kind is not: `tasks.list` classifies nothing). */
export const TaskDto = Task.omit({ kind: true }).extend(WorkDtoFields).extend(Stamp.shape);
export type TaskDto = z.infer<typeof TaskDto>;

/** A 专栏 item: the domain's item under its project (the plan is the project's). */
export const ProjectItemDto = ProjectItem.omit({ planId: true }).extend(WorkDtoFields).extend(Stamp.shape);
export type ProjectItemDto = z.infer<typeof ProjectItemDto>;

export const ProjectDto = Project.extend({ key: z.string(), items: z.array(ProjectItemDto) }).extend(
  Stamp.shape,
);
export type ProjectDto = z.infer<typeof ProjectDto>;

export function noteDto(n: Row<typeof progressNotes>): ProgressNoteDto {
  return {
    id: n.id,
    year: n.year,
    text: n.text,
    recordedBy: n.recordedBy,
    recordedAt: iso(n.recordedAt)!,
    version: n.version,
  };
}

export function taskDto(t: Row<typeof tasks>, notes: ProgressNoteDto[] = []): TaskDto {
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

export function projectItemDto(i: Row<typeof projectItems>, notes: ProgressNoteDto[] = []): ProjectItemDto {
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

export function projectDto(p: Row<typeof projects>, items: ProjectItemDto[] = []): ProjectDto {
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

/** An account as answered to administrators (never its password hash). */
export const UserDto = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    jurisdictionCode: z.string().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .extend(Stamp.shape);
export type UserDto = z.infer<typeof UserDto>;

export function userDto(u: Row<typeof users>): UserDto {
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
