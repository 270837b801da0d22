import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ConflictError, fromDatabaseError, NotFoundError, ValidationError } from "@ybplan/db";
import type { CreditError, RepairIncomplete } from "@ybplan/domain/credit";
import type { CycleTransitionError, TargetRevisionError } from "@ybplan/domain/cycle";
import {
  formatRowIssue,
  type ProcurementDataError,
  ProcurementImportError,
  type RowIssue,
} from "@ybplan/domain/procurement";
import { Data } from "effect";
import { z } from "zod";
import type { YearLockedError } from "./services/cycle-guard.ts";

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

/**
 * An uploaded table (CSV/XLSX) with invalid rows: nothing was saved. BAD_REQUEST whose
 * `error.data.rows` lists every problem (line in the file, column as the file names it, message).
 */
export class InvalidRowsError extends Data.TaggedError("InvalidRowsError")<{
  readonly issues: readonly RowIssue[];
}> {
  override get message(): string {
    const [first] = this.issues;
    const more = this.issues.length > 1 ? `等 ${this.issues.length} 处问题` : "";
    return `文件有误，未导入任何记录：${first ? formatRowIssue(first) : ""}${more ? ` ${more}` : ""}`;
  }
}

/** Every tag the API knows: its own, @ybplan/db's, the importer's and the domain's typed errors. */
export type KnownTag =
  | UnauthenticatedError["_tag"]
  | ForbiddenError["_tag"]
  | TooManyAttemptsError["_tag"]
  | ImportFailedError["_tag"]
  | InvalidRowsError["_tag"]
  // @ybplan/importer's ImportError (empty, binary, truncated, too large, unsupported, no plan content).
  | "ImportError"
  | ConflictError["_tag"]
  | NotFoundError["_tag"]
  | ValidationError["_tag"]
  | ProcurementDataError["_tag"]
  | ProcurementImportError["_tag"]
  | CreditError["_tag"]
  | RepairIncomplete["_tag"]
  | CycleTransitionError["_tag"]
  | TargetRevisionError["_tag"]
  | YearLockedError["_tag"];

/**
 * Tag → tRPC code: complete by construction (a new tag in `KnownTag` fails to compile until it has
 * a line here). Domain errors are the caller's data at fault, never a 500.
 */
const codeByTag = {
  UnauthenticatedError: "UNAUTHORIZED",
  ForbiddenError: "FORBIDDEN",
  TooManyAttemptsError: "TOO_MANY_REQUESTS",
  ImportFailedError: "UNPROCESSABLE_CONTENT",
  InvalidRowsError: "BAD_REQUEST",
  ImportError: "UNPROCESSABLE_CONTENT",
  ConflictError: "CONFLICT",
  NotFoundError: "NOT_FOUND",
  ValidationError: "BAD_REQUEST",
  ProcurementDataError: "BAD_REQUEST",
  ProcurementImportError: "BAD_REQUEST",
  InvalidRuleData: "BAD_REQUEST",
  RuleNotFound: "NOT_FOUND",
  UnknownCategory: "BAD_REQUEST",
  MissingAssessment: "BAD_REQUEST",
  UnknownLevel: "BAD_REQUEST",
  InvalidDeduction: "BAD_REQUEST",
  InvalidScoring: "BAD_REQUEST",
  RepairIncomplete: "BAD_REQUEST",
  // The reporting cycle: a move not legal in the current state, or a write to a locked year.
  CycleTransitionError: "CONFLICT",
  YearLockedError: "CONFLICT",
  TargetRevisionError: "BAD_REQUEST",
} as const satisfies Record<KnownTag, TRPC_ERROR_CODE_KEY>;

function tagOf(e: unknown): string | null {
  if (e && typeof e === "object" && "_tag" in e && typeof (e as { _tag: unknown })._tag === "string") {
    return (e as { _tag: string })._tag;
  }
  return null;
}

function codeOfTag(tag: string | null): TRPC_ERROR_CODE_KEY | null {
  return tag !== null && Object.hasOwn(codeByTag, tag) ? codeByTag[tag as KnownTag] : null;
}

/**
 * What kind of failure a thrown value is, for every host: the tRPC translator's code, the CLI's
 * exit code. Works on tagged errors and on TRPCErrors (by their code, or by their tagged cause).
 */
export type ErrorKind =
  | "notFound"
  | "invalid"
  | "conflict"
  | "unauthenticated"
  | "forbidden"
  | "throttled"
  | "internal";

const kindByCode: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorKind>> = {
  NOT_FOUND: "notFound",
  BAD_REQUEST: "invalid",
  UNPROCESSABLE_CONTENT: "invalid",
  PAYLOAD_TOO_LARGE: "invalid",
  CONFLICT: "conflict",
  UNAUTHORIZED: "unauthenticated",
  FORBIDDEN: "forbidden",
  TOO_MANY_REQUESTS: "throttled",
};

export function errorKind(e: unknown): ErrorKind {
  const code = e instanceof TRPCError ? toTRPCError(e).code : codeOfTag(tagOf(e));
  return (code && kindByCode[code]) ?? "internal";
}

/** A thrown value → TRPCError; tagged errors keep their message (Chinese) and themselves as cause. */
export function toTRPCError(e: unknown): TRPCError {
  // A constraint violation is the caller's data at fault (a missing reference, a duplicate): 4xx.
  const violation = fromDatabaseError(
    e instanceof TRPCError && e.code === "INTERNAL_SERVER_ERROR" ? e.cause : e,
  );
  if (violation) return toTRPCError(violation);
  if (e instanceof TRPCError) {
    const inner = e.cause;
    const tag = tagOf(inner);
    const code = codeOfTag(tag);
    if (code && e.code === "INTERNAL_SERVER_ERROR") {
      return new TRPCError({ code, message: (inner as Error).message, cause: inner });
    }
    return e;
  }
  const code = codeOfTag(tagOf(e));
  if (code) {
    return new TRPCError({ code, message: (e as Error).message, cause: e as Error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "服务器内部错误", cause: e });
}

interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** Extra payload carried in `error.data` (typed for clients via RouterOutputs' error shape). */
export interface ErrorData {
  /** The tagged error's `_tag`, when the failure was one. */
  readonly tag: string | null;
  /** BAD_REQUEST: offending fields, dotted paths ("rows.3.value"), Chinese messages. */
  readonly fields: FieldIssue[] | null;
  /** BAD_REQUEST of an upload: every invalid row (1-based line in the file, column, message). */
  readonly rows: RowIssue[] | null;
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
  const base: ErrorData = {
    tag: tagOf(cause),
    fields: null,
    rows: null,
    conflict: null,
    retryAfterSeconds: null,
  };
  if (cause instanceof InvalidRowsError || cause instanceof ProcurementImportError) {
    return { ...base, rows: cause.issues.map((i) => ({ line: i.line, field: i.field, message: i.message })) };
  }
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
