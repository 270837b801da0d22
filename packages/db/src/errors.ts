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
