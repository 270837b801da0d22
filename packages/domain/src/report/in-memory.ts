import type { Indicator } from "../indicator/schema.ts";
import type { Jurisdiction } from "../jurisdiction/schema.ts";
import type { PlanDocument } from "../plan/document.ts";
import type { Plan, PlanStatus } from "../plan/schema.ts";
import type { Project, ProjectItem, Task } from "../task/schema.ts";

/** A plan with its entities in memory, as `buildPlanReport` takes them. */
export interface InMemoryPlan {
  readonly plan: Plan;
  readonly indicators: Indicator[];
  readonly tasks: Task[];
  readonly projects: (Project & { items: ProjectItem[] })[];
}

/**
 * Gives an imported `PlanDocument` ids without a database: for previews (report of a document
 * before it is saved), tests and benchmarks. Ids are `${planId}:${key}`, stable across runs.
 */
export function inMemoryPlan(
  doc: PlanDocument,
  /** `jurisdictionCode`: usually `doc.plan.jurisdictionCode`, which the importer may leave null. */
  options: { readonly planId: string; readonly jurisdictionCode: string; readonly status?: PlanStatus },
): InMemoryPlan {
  const { planId } = options;
  const id = (key: string) => `${planId}:${key}`;
  const code = options.jurisdictionCode;
  const plan: Plan = {
    id: planId,
    jurisdictionCode: code,
    title: doc.plan.title,
    issuer: doc.plan.issuer,
    documentNumber: doc.plan.documentNumber,
    issueDate: doc.plan.issueDate,
    periodStart: doc.plan.periodStart,
    periodEnd: doc.plan.periodEnd,
    baselineYear: doc.plan.baselineYear,
    status: options.status ?? "published",
    parentPlanId: null,
    revision: 1,
  };
  const indicators: Indicator[] = doc.indicators.map((d) => ({
    id: id(`i:${d.key}`),
    planId,
    position: d.position,
    category: d.category,
    name: d.name,
    unit: d.unit,
    baseline: d.baseline,
    target: d.target,
    attribute: d.attribute,
    direction: d.direction,
    definition: d.definition,
    footnote: d.footnote,
    assessment: d.assessment,
    parentIndicatorId: null,
  }));
  const tasks: Task[] = doc.tasks.map((t, i) => ({
    id: id(`t:${t.key}`),
    planId,
    number: t.number,
    title: t.title,
    text: t.text,
    leadDepartment: t.leadDepartment,
    deadline: t.deadline,
    status: "inProgress",
    progress: [],
    position: i,
    level: t.level,
    parentId: t.parentKey === null ? null : id(`t:${t.parentKey}`),
  }));
  const projects = doc.projects.map((p, i) => ({
    id: id(`p:${p.key}`),
    planId,
    number: p.number,
    title: p.title,
    position: i,
    items: p.items.map(
      (it, j): ProjectItem => ({
        id: id(`p:${p.key}:${it.key}`),
        planId,
        projectId: id(`p:${p.key}`),
        number: it.number,
        title: it.title,
        text: it.text,
        leadDepartment: it.leadDepartment,
        deadline: it.deadline,
        status: "inProgress",
        progress: [],
        position: j,
      }),
    ),
  }));
  return { plan, indicators, tasks, projects };
}

/** The jurisdiction record for a plan, from a catalogue. */
export function jurisdictionOf(all: readonly Jurisdiction[], code: string): Jurisdiction | null {
  return all.find((j) => j.code === code) ?? null;
}
