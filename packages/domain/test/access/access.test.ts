import { can, passwordProblem, roleAllows, usernameProblem } from "@ybplan/domain/access";
import { describe, expect, it } from "vitest";

describe("roles and grants", () => {
  it("grants each role its permissions and nothing more", () => {
    expect(roleAllows("admin", "admin")).toBe(true);
    expect(roleAllows("planner", "editPlan")).toBe(true);
    expect(roleAllows("planner", "admin")).toBe(false);
    expect(roleAllows("reporter", "enterData")).toBe(true);
    expect(roleAllows("reporter", "editPlan")).toBe(false);
    expect(roleAllows("viewer", "enterData")).toBe(false);
  });
  it("offers in the UI what the grants allow", () => {
    expect(["admin", "planner", "reporter", "viewer"].filter((r) => can.enterData(r as "viewer"))).toEqual([
      "admin",
      "planner",
      "reporter",
    ]);
    expect(can.manageUsers("planner")).toBe(false);
    expect(can.importPlans("planner")).toBe(true);
  });
});

describe("account rules", () => {
  it("takes usernames of 3–32 letters, digits or _ . -", () => {
    expect(usernameProblem("ab")).not.toBeNull();
    expect(usernameProblem("abc")).toBeNull();
    expect(usernameProblem("a".repeat(32))).toBeNull();
    expect(usernameProblem("a".repeat(33))).not.toBeNull();
    expect(usernameProblem("张三")).not.toBeNull();
  });
  it("wants passwords of 8 characters with letters and digits", () => {
    expect(passwordProblem("short1")).toBe("密码至少 8 位");
    expect(passwordProblem("abcdefgh")).toBe("密码须同时包含字母和数字");
    expect(passwordProblem("Secret2024x")).toBeNull();
  });
});
