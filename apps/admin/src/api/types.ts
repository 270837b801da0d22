import type { RouterOutputs } from "@ybplan/api";

/** Response and request shapes, inferred from the router (no hand-written copies to drift). */
export type { RouterOutputs };
export type PlanMatrix = RouterOutputs["evaluation"]["matrix"];
export type SubtreeSummary = RouterOutputs["evaluation"]["subtree"];
export type PlanDetail = RouterOutputs["plans"]["get"];
export type PlanListItem = RouterOutputs["plans"]["list"]["items"][number];
export type IndicatorItem = RouterOutputs["indicators"]["list"][number];
export type ObservationItem = RouterOutputs["observations"]["list"][number];
export type TaskItem = RouterOutputs["tasks"]["list"][number];
export type ProjectItem = RouterOutputs["projects"]["list"][number];
export type UserItem = RouterOutputs["users"]["list"]["items"][number];
export type AuditItem = RouterOutputs["audit"]["list"]["items"][number];
export type JurisdictionNode = RouterOutputs["jurisdictions"]["tree"][number];
export type ImportPreview = RouterOutputs["import"]["preview"];
export type NationalSummary = RouterOutputs["evaluation"]["national"];
