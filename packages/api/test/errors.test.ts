import { TRPCError } from "@trpc/server";
import { ConflictError, NotFoundError, ValidationError } from "@ybplan/db";
import { ProcurementDataError } from "@ybplan/domain/procurement";
import { describe, expect, it } from "vitest";
import { errorData, errorKind, ForbiddenError, TooManyAttemptsError, toTRPCError } from "../src/errors.ts";

describe("toTRPCError (the one translation of tagged errors)", () => {
  it("maps each tag to its code and keeps the Chinese message", () => {
    const cases: [Error, string][] = [
      [new ForbiddenError({ reason: "无权" }), "FORBIDDEN"],
      [new NotFoundError({ entity: "plan", entityId: "1" }), "NOT_FOUND"],
      [new ValidationError({ issues: [{ path: ["a"], message: "错" }] }), "BAD_REQUEST"],
      [new TooManyAttemptsError({ retryAfterSeconds: 60 }), "TOO_MANY_REQUESTS"],
      [
        new ConflictError({
          entity: "plan",
          entityId: "1",
          expectedVersion: 1,
          currentVersion: 2,
          changedBy: "李四",
          changedAt: null,
        }),
        "CONFLICT",
      ],
    ];
    for (const [e, code] of cases) {
      const t = toTRPCError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: e }));
      expect([t.code, t.message]).toEqual([code, e.message]);
    }
  });
  it("hides unknown failures behind a generic message", () => {
    const t = toTRPCError(new Error("connection refused at 10.0.0.1"));
    expect(t.code).toBe("INTERNAL_SERVER_ERROR");
    expect(t.message).toBe("服务器内部错误");
  });
  it("carries conflict details and field issues in data", () => {
    const c = new ConflictError({
      entity: "plan",
      entityId: "1",
      expectedVersion: 1,
      currentVersion: 2,
      changedBy: "李四",
      changedAt: "2026-01-01T00:00:00.000Z",
    });
    expect(errorData(toTRPCError(c)).conflict).toMatchObject({ currentVersion: 2, changedBy: "李四" });
    expect(c.message).toBe("数据已被 李四 于 2026-01-01T00:00:00.000Z 修改（当前版本 2），请刷新后重试");
    const v = new ValidationError({ issues: [{ path: ["rows", 0, "value"], message: "超出范围" }] });
    expect(errorData(toTRPCError(v)).fields).toEqual([{ path: "rows.0.value", message: "超出范围" }]);
  });
});

describe("errorKind (what the CLI's exit codes and the translator share)", () => {
  it("reads tagged errors, TRPCErrors and their causes alike", () => {
    expect(errorKind(new NotFoundError({ entity: "plan", entityId: "1" }))).toBe("notFound");
    const wrapped = new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      cause: new ValidationError({ issues: [{ path: ["a"], message: "错" }] }),
    });
    expect(errorKind(wrapped)).toBe("invalid");
    expect(errorKind(new TRPCError({ code: "CONFLICT", message: "x" }))).toBe("conflict");
    expect(errorKind(new ForbiddenError({ reason: "无权" }))).toBe("forbidden");
  });
  it("treats domain errors as invalid input, never as internal", () => {
    const e = new ProcurementDataError({ problems: [{ kind: "duplicateBatchId", batchId: "1" }] });
    expect(errorKind(e)).toBe("invalid");
    expect(toTRPCError(e).code).toBe("BAD_REQUEST");
    expect(errorKind(new Error("connection refused"))).toBe("internal");
  });
});
