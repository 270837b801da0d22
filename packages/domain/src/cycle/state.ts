import { Data, Result } from "effect";
import { z } from "zod";

/**
 * The yearly reporting cycle of one plan and year:
 * 未填报 → 填报中 → 已提交 → 已通过, or 已提交 → 已退回 (with a reason) → 填报中; an administrator
 * may unlock an approved year (with a reason) back to 填报中. Who may act where (scope) is the
 * API's business; the rules below are the ones every host must agree on.
 */
export const CycleState = z.enum(["notStarted", "filling", "submitted", "returned", "approved"]);
export type CycleState = z.infer<typeof CycleState>;

export const cycleStateLabels: Record<CycleState, string> = {
  notStarted: "未填报",
  filling: "填报中",
  submitted: "已提交",
  returned: "已退回",
  approved: "已通过",
};

export const CycleAction = z.enum(["save", "submit", "return", "approve", "unlock"]);
export type CycleAction = z.infer<typeof CycleAction>;

export const cycleActionLabels: Record<CycleAction, string> = {
  save: "保存",
  submit: "提交",
  return: "退回",
  approve: "通过",
  unlock: "解锁",
};

/** The legal moves: state → action → next state. Anything not listed is refused. */
export const cycleTransitions: Record<CycleState, Partial<Record<CycleAction, CycleState>>> = {
  notStarted: { save: "filling" },
  filling: { save: "filling", submit: "submitted" },
  submitted: { return: "returned", approve: "approved" },
  returned: { save: "filling" },
  approved: { unlock: "filling" },
};

export type CycleRole = "admin" | "planner" | "reporter" | "viewer";

/** Which roles may take an action at all (reviewers are 规划编辑 or administrators). */
const rolesFor: Record<CycleAction, readonly CycleRole[]> = {
  save: ["admin", "planner", "reporter"],
  submit: ["admin", "planner", "reporter"],
  return: ["admin", "planner"],
  approve: ["admin", "planner"],
  unlock: ["admin"],
};

export interface CycleCommand {
  readonly action: CycleAction;
  readonly by: { readonly id: string | null; readonly role: CycleRole };
  /** Required for 退回 and 解锁. */
  readonly reason?: string | null | undefined;
}

export interface CycleRecordView {
  readonly state: CycleState;
  /** Who submitted the current submission (null when never submitted). */
  readonly submittedById: string | null;
}

export type CycleRefusal =
  | { readonly kind: "illegal"; readonly state: CycleState; readonly action: CycleAction }
  | { readonly kind: "role"; readonly role: CycleRole; readonly action: CycleAction }
  | { readonly kind: "reasonRequired"; readonly action: CycleAction }
  | { readonly kind: "ownSubmission"; readonly action: CycleAction };

/** A cycle move that is not allowed; the message says why, in Chinese. */
export class CycleTransitionError extends Data.TaggedError("CycleTransitionError")<{
  readonly refusal: CycleRefusal;
}> {
  override get message(): string {
    return describeRefusal(this.refusal);
  }
}

export function describeRefusal(r: CycleRefusal): string {
  switch (r.kind) {
    case "illegal":
      return `${cycleStateLabels[r.state]}状态下不能${cycleActionLabels[r.action]}`;
    case "role":
      return r.action === "unlock"
        ? "仅系统管理员可解锁已通过的年度"
        : `当前角色无权${cycleActionLabels[r.action]}`;
    case "reasonRequired":
      return r.action === "return" ? "退回须填写原因" : "解锁须填写原因";
    case "ownSubmission":
      return `不能审核本人提交的数据（${cycleActionLabels[r.action]}被拒绝）`;
  }
}

/** The next state after `command`, or why it is refused. Pure; the caller persists and audits. */
export function transition(
  record: CycleRecordView,
  command: CycleCommand,
): Result.Result<CycleState, CycleTransitionError> {
  const refuse = (refusal: CycleRefusal) => Result.fail(new CycleTransitionError({ refusal }));
  const { action, by } = command;
  if (!rolesFor[action].includes(by.role)) return refuse({ kind: "role", role: by.role, action });
  const next = cycleTransitions[record.state][action];
  if (next === undefined) return refuse({ kind: "illegal", state: record.state, action });
  if ((action === "return" || action === "unlock") && !command.reason?.trim()) {
    return refuse({ kind: "reasonRequired", action });
  }
  if ((action === "approve" || action === "return") && by.id !== null && by.id === record.submittedById) {
    return refuse({ kind: "ownSubmission", action });
  }
  return Result.succeed(next);
}

/** Values of a year may change only while it is being filled (or not yet started / returned). */
export function isEditable(state: CycleState): boolean {
  return cycleTransitions[state].save !== undefined;
}
