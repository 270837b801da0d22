import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ConflictError, NotFoundError, ValidationError } from "@ybplan/db";
import { Data } from "effect";
import { z } from "zod";

/**
 * Errors of the API layer as tagged values, and the ONE place where every tagged error (from this
 * package, @ybplan/db, or plug-in services) becomes a tRPC code and a stable `data` payload.
 * Procedures contain no try/catch: the base procedure's middleware calls `toTRPCError`, the
 * errorFormatter calls `errorData`.
 */

/** No valid session. */
export class UnauthenticatedError extends Data.TaggedError("UnauthenticatedError")<{
  readonly reason: string;
}> {
  override get message(): string {
    return this.reason;
  }
}

/** Signed in, but the role or the jurisdiction scope does not allow this. */
export class ForbiddenError extends Data.TaggedError("ForbiddenError")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason;
  }
}

/** Too many failed logins for this username + address. */
export class TooManyAttemptsError extends Data.TaggedError("TooManyAttemptsError")<{
  readonly retryAfterSeconds: number;
}> {
  override get message(): string {
    return `登录失败次数过多，请 ${Math.ceil(this.retryAfterSeconds / 60)} 分钟后再试`;
  }
}

/** The uploaded document could not be read (wraps the importer's failure). */
export class ImportFailedError extends Data.TaggedError("ImportFailedError")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason;
  }
}

/** Tag → tRPC code. Add a line here when a plug-in service introduces a new tag. */
const codeByTag: Record<string, TRPC_ERROR_CODE_KEY> = {
  UnauthenticatedError: "UNAUTHORIZED",
  ForbiddenError: "FORBIDDEN",
  TooManyAttemptsError: "TOO_MANY_REQUESTS",
  ImportFailedError: "UNPROCESSABLE_CONTENT",
  // @ybplan/importer's failure (empty, binary, truncated, too large, unsupported, no plan content).
  ImportError: "UNPROCESSABLE_CONTENT",
  ConflictError: "CONFLICT",
  NotFoundError: "NOT_FOUND",
  ValidationError: "BAD_REQUEST",
};

function tagOf(e: unknown): string | null {
  if (e && typeof e === "object" && "_tag" in e && typeof (e as { _tag: unknown })._tag === "string") {
    return (e as { _tag: string })._tag;
  }
  return null;
}

/** A thrown value → TRPCError; tagged errors keep their message (Chinese) and themselves as cause. */
export function toTRPCError(e: unknown): TRPCError {
  if (e instanceof TRPCError) {
    const inner = e.cause;
    const tag = tagOf(inner);
    if (tag && codeByTag[tag] && e.code === "INTERNAL_SERVER_ERROR") {
      return new TRPCError({ code: codeByTag[tag], message: (inner as Error).message, cause: inner });
    }
    return e;
  }
  const tag = tagOf(e);
  if (tag && codeByTag[tag]) {
    return new TRPCError({ code: codeByTag[tag], message: (e as Error).message, cause: e as Error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "服务器内部错误", cause: e });
}

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** Extra payload carried in `error.data` (typed for clients via RouterOutputs' error shape). */
export interface ErrorData {
  /** The tagged error's `_tag`, when the failure was one. */
  readonly tag: string | null;
  /** BAD_REQUEST: offending fields, dotted paths ("rows.3.value"), Chinese messages. */
  readonly fields: FieldIssue[] | null;
  /** CONFLICT: the newer change. */
  readonly conflict: {
    readonly entity: string;
    readonly entityId: string;
    readonly currentVersion: number | null;
    readonly changedBy: string | null;
    readonly changedAt: string | null;
    readonly detail: Record<string, unknown> | null;
  } | null;
  readonly retryAfterSeconds: number | null;
}

const pathText = (path: ReadonlyArray<PropertyKey>) => path.map(String).join(".");

export function errorData(error: TRPCError): ErrorData {
  const cause = error.cause;
  const base: ErrorData = { tag: tagOf(cause), fields: null, conflict: null, retryAfterSeconds: null };
  if (cause instanceof z.ZodError) {
    return {
      ...base,
      tag: "InputError",
      fields: cause.issues.map((i) => ({ path: pathText(i.path), message: i.message })),
    };
  }
  if (cause instanceof ValidationError) {
    return { ...base, fields: cause.issues.map((i) => ({ path: pathText(i.path), message: i.message })) };
  }
  if (cause instanceof ConflictError) {
    return {
      ...base,
      conflict: {
        entity: cause.entity,
        entityId: cause.entityId,
        currentVersion: cause.currentVersion,
        changedBy: cause.changedBy,
        changedAt: cause.changedAt,
        detail: cause.detail ?? null,
      },
    };
  }
  if (cause instanceof TooManyAttemptsError) return { ...base, retryAfterSeconds: cause.retryAfterSeconds };
  if (cause instanceof NotFoundError) return base;
  return base;
}

/** Chinese summary for input errors (tRPC's default message is the raw zod JSON). */
export function inputErrorMessage(error: TRPCError): string | null {
  if (!(error.cause instanceof z.ZodError)) return null;
  const first = error.cause.issues[0];
  if (!first) return "输入有误";
  const where = first.path.length ? `${pathText(first.path)}：` : "";
  return `输入有误：${where}${first.message}${error.cause.issues.length > 1 ? ` 等 ${error.cause.issues.length} 处` : ""}`;
}
