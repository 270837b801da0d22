import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import { describe, expect, it } from "vitest";
import { checkAccess } from "../src/auth/access.ts";
import { JurisdictionDirectory } from "../src/auth/directory.ts";
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from "../src/auth/password.ts";
import type { SessionUser } from "../src/auth/session.ts";
import { readSessionToken, sessionCookie } from "../src/auth/session.ts";
import { failureDelayMs } from "../src/auth/throttle.ts";
import { ForbiddenError, UnauthenticatedError } from "../src/errors.ts";

describe("passwords", () => {
  it("hashes with scrypt and verifies", async () => {
    const h = await hashPassword("Secret-123");
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("Secret-123", h)).toBe(true);
    expect(await verifyPassword("Secret-124", h)).toBe(false);
    expect(await verifyPassword("Secret-123", "garbage")).toBe(false);
    expect(await hashPassword("Secret-123")).not.toBe(h); // salted
  });
  it("generates readable one-time passwords and checks strength", () => {
    expect(generatePassword()).toMatch(/^[a-zA-Z2-9]{14}$/);
    expect(passwordProblem("abc")).toBe("密码至少 8 位");
    expect(passwordProblem("abcdefgh")).toBe("密码须同时包含字母和数字");
    expect(passwordProblem("abcd1234")).toBeNull();
  });
});

describe("session cookie", () => {
  it("is httpOnly, SameSite=Lax, Secure on demand, and parses back", () => {
    const c = sessionCookie("tok", new Date("2030-01-01T00:00:00Z"), true);
    expect(c).toBe(
      "ybplan_session=tok; Path=/; HttpOnly; SameSite=Lax; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure",
    );
    expect(sessionCookie(null, null, false)).toContain("Max-Age=0");
    expect(readSessionToken("a=1; ybplan_session=xyz=; b=2")).toBe("xyz=");
    expect(readSessionToken("a=1")).toBeNull();
  });
});

describe("scope checks", () => {
  const dir = new JurisdictionDirectory(sampleJurisdictions);
  const user = (role: SessionUser["role"], code: string | null): SessionUser => ({
    id: "u",
    username: "u",
    displayName: "u",
    role,
    jurisdictionCode: code,
    mustChangePassword: false,
  });
  it("relates jurisdictions", () => {
    expect(dir.relation("440700", "440784")).toBe("descendant");
    expect(dir.relation("440784", "440000")).toBe("ancestor");
    expect(dir.relation("420200", "411300")).toBe("unrelated");
    expect(dir.subtree("440000").sort()).toEqual(["440000", "440700", "440784"]);
  });
  it("lets a 青阳县 reporter enter data at home, read 池州市, and nothing at 南阳市", () => {
    const u = user("reporter", "341723");
    expect(() => checkAccess(u, dir, "341723", "enterData")).not.toThrow();
    expect(() => checkAccess(u, dir, "341700", "read")).not.toThrow();
    expect(() => checkAccess(u, dir, "341700", "enterData")).toThrow(ForbiddenError);
    expect(() => checkAccess(u, dir, "411300", "read")).toThrow("无权查看南阳市的数据");
    expect(() => checkAccess(u, dir, "341723", "editPlan")).toThrow("当前角色无权编辑规划");
    expect(() => checkAccess(null, dir, "341723", "read")).toThrow(UnauthenticatedError);
  });
});

describe("createCaller for trusted local tools", () => {
  it("runs procedures as the system user and audits them under its name", async () => {
    const { openDatabase, migrate, jurisdictions, auditLog } = await import("@ybplan/db");
    const { createCaller, createContextInner, systemUser } = await import("../src/index.ts");
    const database = await openDatabase();
    try {
      await migrate(database);
      await database.db.insert(jurisdictions).values(sampleJurisdictions.map((j) => ({ ...j })));
      const api = createCaller(createContextInner({ database, user: systemUser("命令行") }));
      const plan = await api.plans.create({
        jurisdictionCode: "420200",
        title: "黄石市测试规划",
        issuer: null,
        documentNumber: null,
        issueDate: null,
        periodStart: 2021,
        periodEnd: 2025,
        baselineYear: 2020,
        status: "draft",
        parentPlanId: null,
      });
      expect((await api.plans.get({ id: plan.id })).title).toBe("黄石市测试规划");
      const [entry] = await database.db.select().from(auditLog);
      expect(entry).toMatchObject({
        actorName: "命令行",
        action: "create",
        entity: "plan",
        entityId: plan.id,
      });
      const anonymous = createCaller(createContextInner({ database }));
      await expect(anonymous.plans.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    } finally {
      await database.close();
    }
  });
});

describe("failed-login delay", () => {
  it("answers the first two failures at once, then waits 0.25 s doubling up to 2 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(failureDelayMs)).toEqual([0, 0, 250, 500, 1000, 2000, 2000, 2000]);
  });
});
