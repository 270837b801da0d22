import type { Indicator, Jurisdiction, Observation, Plan, Project, ProjectItem, Task } from "@ybplan/domain";
import type { CreditSection, ProcurementSection } from "@ybplan/domain/report";

/** Everything a report or an evaluation needs about one plan, in domain types. */
export interface PlanBundle {
  readonly plan: Plan;
  readonly jurisdiction: Jurisdiction;
  readonly indicators: readonly Indicator[];
  readonly observations: readonly Observation[];
  readonly tasks: readonly Task[];
  readonly projects: readonly (Project & { readonly items: readonly ProjectItem[] })[];
  /** The report's procurement and credit sections, when that data exists (see sections.ts). */
  readonly procurement?: ProcurementSection | null;
  readonly credit?: CreditSection | null;
}
