import { z } from "zod";

/** The four roles. Labels are what the admin app shows. */
export const Role = z.enum(["admin", "planner", "reporter", "viewer"]);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  admin: "系统管理员",
  planner: "规划编辑",
  reporter: "数据填报",
  viewer: "只读",
};

/**
 * What a role may do inside its jurisdiction subtree:
 * `read` — see plans, data, evaluation (also of ancestor jurisdictions, whose plans theirs implement);
 * `editPlan` — plan metadata, indicators, tasks and 专栏 structure, import;
 * `enterData` — observations, task/item status and yearly progress notes;
 * `admin` — users, jurisdictions, everything everywhere.
 */
export type Permission = "read" | "editPlan" | "enterData" | "admin";

const grants: Record<Role, readonly Permission[]> = {
  admin: ["read", "editPlan", "enterData", "admin"],
  planner: ["read", "editPlan", "enterData"],
  reporter: ["read", "enterData"],
  viewer: ["read"],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** What a user interface offers a role (the server decides: hiding a button is a courtesy). */
export const can = {
  editPlans: (r: Role) => roleAllows(r, "editPlan"),
  enterData: (r: Role) => roleAllows(r, "enterData"),
  manageUsers: (r: Role) => roleAllows(r, "admin"),
  importPlans: (r: Role) => roleAllows(r, "editPlan"),
};
