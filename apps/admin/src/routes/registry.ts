/**
 * Every screen of the app, in one list. Adding a screen is one line: its path, title, where it
 * appears in the navigation, and a lazy import (each page is its own chunk, loaded when opened).
 * A page module's default export receives the route parameters as `params`.
 */
import { type Permission, type Role, roleAllows } from "@ybplan/domain/access";
import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { RouteParams } from "../router/match-path.ts";

export interface PageProps {
  params: RouteParams;
  search: URLSearchParams;
}

export type NavGroup = "monitoring" | "modules" | "system";

export interface RouteDef {
  path: string;
  title: string;
  /** Shown in the side navigation under this group; omitted for detail pages. */
  nav?: NavGroup;
  /**
   * The permission a role needs to use the page (the server enforces it too); without it the page
   * is neither in the role's navigation nor opened (403). Omitted: every signed-in role (`read`).
   */
  requires?: Permission;
  page: LazyExoticComponent<ComponentType<PageProps>>;
}

type Loader = () => Promise<{ default: ComponentType<PageProps> }>;
const route = (
  path: string,
  title: string,
  load: Loader,
  extra: Omit<RouteDef, "path" | "title" | "page"> = {},
): RouteDef => ({
  path,
  title,
  page: lazy(load),
  ...extra,
});

export const navGroupLabels: Record<NavGroup, string> = {
  monitoring: "规划监测",
  modules: "专项工作",
  system: "系统管理",
};

export const routes: readonly RouteDef[] = [
  route("/overview", "监测总览", () => import("../features/overview/overview-page.tsx"), {
    nav: "monitoring",
  }),
  route("/todo", "我的填报", () => import("../features/cycle/todo-page.tsx"), {
    nav: "monitoring",
    requires: "enterData",
  }),
  route("/review", "审核与进度", () => import("../features/cycle/review-page.tsx"), { nav: "monitoring" }),
  route("/plans", "规划管理", () => import("../features/plans/plans-page.tsx"), { nav: "monitoring" }),
  route("/plans/new", "新建规划", () => import("../features/plans/new-plan-page.tsx"), {
    requires: "editPlan",
  }),
  route("/plans/:planId", "规划详情", () => import("../features/plans/plan-detail-page.tsx")),
  route("/plans/:planId/entry", "年度数据填报", () => import("../features/entry/entry-page.tsx")),
  route("/import", "导入规划", () => import("../features/import/import-page.tsx"), {
    nav: "monitoring",
    requires: "editPlan",
  }),
  route("/work", "任务督办", () => import("../features/plans/work-by-unit-page.tsx"), { nav: "monitoring" }),
  route("/procurement", "集中带量采购", () => import("../features/procurement/procurement-page.tsx"), {
    nav: "modules",
  }),
  route("/credit", "信用评价", () => import("../features/credit/credit-page.tsx"), { nav: "modules" }),
  route("/policies", "待遇政策", () => import("../features/policies/policies-page.tsx"), { nav: "modules" }),
  route("/reports", "报告", () => import("../features/reports/reports-page.tsx"), { nav: "modules" }),
  route("/users", "用户管理", () => import("../features/users/users-page.tsx"), {
    nav: "system",
    requires: "admin",
  }),
  route("/jurisdictions", "行政区划", () => import("../features/jurisdictions/jurisdictions-page.tsx"), {
    nav: "system",
    requires: "admin",
  }),
  route("/audit", "审计日志", () => import("../features/audit/audit-page.tsx"), { nav: "system" }),
];

export const defaultPath = "/overview";

/** Whether `role` may use the page: the one rule behind the navigation and the outlet's 403. */
export function routeAllowed(r: RouteDef, role: Role): boolean {
  return r.requires === undefined || roleAllows(role, r.requires);
}

/** The pages the side navigation offers `role`, in menu order. */
export function navRoutes(role: Role): RouteDef[] {
  return routes.filter((r) => r.nav !== undefined && routeAllowed(r, role));
}
