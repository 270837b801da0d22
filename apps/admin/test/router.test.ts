import type { Role } from "@ybplan/domain/access";
import { describe, expect, it } from "vitest";
import { buildPath, matchPath, splitLocation } from "../src/router/match-path.ts";
import { navRoutes, routeAllowed, routes } from "../src/routes/registry.ts";

describe("hash router paths", () => {
  it("matches parameters and rejects other shapes", () => {
    expect(matchPath("/plans/:planId", "/plans/abc")).toEqual({ planId: "abc" });
    expect(matchPath("/plans/:planId", "/plans/abc/entry")).toBeNull();
    expect(matchPath("/plans/:planId", "/plans/")).toBeNull();
    expect(matchPath("/plans/:planId/entry", "/plans/a%20b/entry/")).toEqual({ planId: "a b" });
  });

  it("splits the hash into path and query", () => {
    const loc = splitLocation("#/plans/1/entry?year=2023");
    expect(loc.path).toBe("/plans/1/entry");
    expect(loc.search.get("year")).toBe("2023");
    expect(splitLocation("").path).toBe("/");
  });

  it("builds paths that match back", () => {
    const p = buildPath("/plans/:planId/entry", { planId: "x/y" }, { year: "2023" });
    expect(p).toBe("/plans/x%2Fy/entry?year=2023");
    expect(matchPath("/plans/:planId/entry", splitLocation(`#${p}`).path)).toEqual({ planId: "x/y" });
    expect(() => buildPath("/plans/:planId")).toThrow();
  });

  it("has one route per path and navigation for the later modules", () => {
    const paths = routes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of ["/procurement", "/credit", "/reports"]) {
      expect(routes.find((r) => r.path === p)?.nav).toBe("modules");
    }
    expect(routes.find((r) => r.path === "/users")?.requires).toBe("admin");
  });

  it("offers each role only the pages it can use (import needs editPlan; users and jurisdictions admin)", () => {
    const titles = (role: Role) => navRoutes(role).map((r) => r.path);
    expect(titles("admin")).toEqual(routes.filter((r) => r.nav).map((r) => r.path));
    expect(titles("planner")).toContain("/import");
    expect(titles("planner")).not.toContain("/users");
    for (const role of ["reporter", "viewer"] as const) {
      expect(titles(role)).not.toContain("/import");
      expect(titles(role)).not.toContain("/jurisdictions");
      expect(titles(role)).toContain("/audit");
      expect(routeAllowed(routes.find((r) => r.path === "/plans/new")!, role)).toBe(false);
    }
    expect(titles("reporter")).toContain("/todo");
    expect(titles("viewer")).not.toContain("/todo");
  });
});
