/** Roles as the server names them, with their Chinese titles. */
export type Role = "admin" | "planner" | "reporter" | "viewer";

export const roleLabels: Record<Role, string> = {
  admin: "系统管理员",
  planner: "规划编辑",
  reporter: "数据填报",
  viewer: "只读",
};

/** What the UI offers; the server decides. Hiding a button is a courtesy, not a control. */
export const can = {
  editPlans: (r: Role) => r === "admin" || r === "planner",
  enterData: (r: Role) => r === "admin" || r === "planner" || r === "reporter",
  manageUsers: (r: Role) => r === "admin",
  importPlans: (r: Role) => r === "admin" || r === "planner",
};
