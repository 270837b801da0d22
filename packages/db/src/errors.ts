import { labelOfField } from "@ybplan/domain/common";
import { Data } from "effect";

/**
 * Failures of data operations, as tagged values. The API translates each tag to a tRPC code in
 * one place (packages/api/src/errors.ts). They are thrown inside transactions so the transaction
 * rolls back; callers never match on message strings.
 */

/** A stale write: the row changed since the caller read it. Names the newer change. */
export class ConflictError extends Data.TaggedError("ConflictError")<{
  readonly entity: string;
  readonly entityId: string;
  /** Version the caller sent. */
  readonly expectedVersion: number | null;
  /** Version now stored (null when the row was deleted). */
  readonly currentVersion: number | null;
  /** Who made the newer change, and when (ISO). */
  readonly changedBy: string | null;
  readonly changedAt: string | null;
  /** Extra context for bulk writes (e.g. the year and indicator). */
  readonly detail?: Record<string, unknown>;
}> {
  override get message(): string {
    if (this.currentVersion === null) return `该记录已被删除（${this.entity} ${this.entityId}）`;
    const who = this.changedBy ?? "其他用户";
    const when = this.changedAt ? ` 于 ${this.changedAt}` : "";
    return `数据已被 ${who}${when} 修改（当前版本 ${this.currentVersion}），请刷新后重试`;
  }
}

/** The referenced row does not exist. */
export class NotFoundError extends Data.TaggedError("NotFoundError")<{
  readonly entity: string;
  readonly entityId: string;
}> {
  override get message(): string {
    return `未找到记录（${this.entity} ${this.entityId}）`;
  }
}

/** Input that is well-formed but violates a rule; `path` names the offending field. */
export class ValidationError extends Data.TaggedError("ValidationError")<{
  readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<string | number>; readonly message: string }>;
}> {
  override get message(): string {
    return this.issues
      .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("；");
  }
}

export type DataError = ConflictError | NotFoundError | ValidationError;

/**
 * A PostgreSQL constraint violation (PGlite or postgres.js, possibly wrapped by Drizzle) as the
 * ValidationError it is: the caller's data names a missing row, repeats a unique value, leaves a
 * required field empty. The field is read from the violation's detail ("Key (parent_plan_id)=…")
 * or column and named in camelCase with its Chinese label. Null for anything else (a real fault).
 */
export function fromDatabaseError(e: unknown): ValidationError | null {
  const pg = findPgError(e);
  if (!pg) return null;
  const columns = (pg.column ?? pg.column_name ?? /Key \(([^)]+)\)=/.exec(pg.detail ?? "")?.[1] ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  const fields = columns.map((c) => c.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase()));
  // The last column of a composite key is the one the person chose (jurisdiction + *title*).
  const field = fields.at(-1) ?? null;
  const label = fields.length ? fields.map(labelOfField).join("和") : "数据";
  if (pg.code === "23503" && /still referenced/.test(pg.detail ?? "")) {
    return new ValidationError({ issues: [{ path: [], message: "该记录仍被其他数据引用，不能删除" }] });
  }
  const message = violationMessages[pg.code]?.(label);
  if (!message) return null;
  return new ValidationError({ issues: [{ path: field ? [field] : [], message }] });
}

const violationMessages: Record<string, (label: string) => string> = {
  "23503": (label) => `${label}引用的记录不存在`,
  "23505": (label) => `已存在相同${label}的记录`,
  "23502": (label) => `${label}不能为空`,
  "23514": (label) => `${label}不符合取值要求`,
  "22001": (label) => `${label}过长`,
  "22P02": (label) => `${label}格式不正确`,
  "22003": (label) => `${label}超出数值范围`,
};

interface PgErrorFields {
  readonly code: string;
  readonly detail?: string;
  readonly column?: string;
  readonly column_name?: string;
}

function findPgError(e: unknown): PgErrorFields | null {
  for (let cur = e, depth = 0; cur && typeof cur === "object" && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return cur as PgErrorFields;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}
