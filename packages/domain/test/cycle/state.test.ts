import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  type CycleAction,
  type CycleRole,
  type CycleState,
  CycleTransitionError,
  isEditable,
  transition,
} from "../../src/cycle/index.ts";

const states: CycleState[] = ["notStarted", "filling", "submitted", "returned", "approved"];
const actions: CycleAction[] = ["save", "submit", "return", "approve", "unlock"];

/** The legal moves, written out by hand (the spec: 未填报 → 填报中 → 已提交 → 已通过 / 已退回 → 填报中). */
const legal: [CycleState, CycleAction, CycleState][] = [
  ["notStarted", "save", "filling"],
  ["filling", "save", "filling"],
  ["filling", "submit", "submitted"],
  ["submitted", "return", "returned"],
  ["submitted", "approve", "approved"],
  ["returned", "save", "filling"],
  ["approved", "unlock", "filling"],
];

const clerk = { id: "u-clerk", role: "reporter" as CycleRole };
const reviewer = { id: "u-city", role: "planner" as CycleRole };
const admin = { id: "u-admin", role: "admin" as CycleRole };
/** An actor allowed to take `action` (unlock needs an admin; review needs a reviewer). */
const actorFor = (a: CycleAction) =>
  a === "unlock" ? admin : a === "return" || a === "approve" ? reviewer : clerk;

const run = (state: CycleState, action: CycleAction, by = actorFor(action), reason: string | null = "原因") =>
  transition({ state, submittedById: clerk.id }, { action, by, reason });

describe("cycle state machine", () => {
  for (const state of states) {
    for (const action of actions) {
      const hit = legal.find(([s, a]) => s === state && a === action);
      if (hit) {
        it(`${state} --${action}--> ${hit[2]}`, () => {
          expect(Result.getOrThrow(run(state, action))).toBe(hit[2]);
        });
      } else {
        it(`${state} --${action}--> refused`, () => {
          const r = run(state, action);
          expect(Result.isFailure(r)).toBe(true);
          const e = Result.isFailure(r) ? r.failure : null;
          expect(e).toBeInstanceOf(CycleTransitionError);
          expect(e?.refusal).toEqual({ kind: "illegal", state, action });
        });
      }
    }
  }

  it("return without a reason is refused (退回须填写原因), also with only spaces", () => {
    for (const reason of [null, "", "   "]) {
      const r = run("submitted", "return", reviewer, reason);
      expect(Result.isFailure(r) && r.failure.message).toBe("退回须填写原因");
    }
  });

  it("unlock needs a reason and an administrator", () => {
    expect(Result.isFailure(run("approved", "unlock", admin, ""))).toBe(true);
    const byPlanner = run("approved", "unlock", reviewer, "更正错报");
    expect(Result.isFailure(byPlanner) && byPlanner.failure.refusal.kind).toBe("role");
  });

  it("approving or returning one's own submission is refused", () => {
    const self = { id: clerk.id, role: "planner" as CycleRole };
    for (const action of ["approve", "return"] as const) {
      const r = run("submitted", action, self, "x");
      expect(Result.isFailure(r) && r.failure.refusal).toEqual({ kind: "ownSubmission", action });
    }
  });

  it("a reporter or a viewer cannot review; a viewer cannot save or submit", () => {
    for (const action of ["approve", "return"] as const) {
      const r = run("submitted", action, { id: "u2", role: "reporter" }, "x");
      expect(Result.isFailure(r) && r.failure.refusal.kind).toBe("role");
    }
    for (const action of ["save", "submit"] as const) {
      const r = run("filling", action, { id: "u3", role: "viewer" });
      expect(Result.isFailure(r) && r.failure.refusal.kind).toBe("role");
    }
  });

  it("values are editable only before submission or after a return", () => {
    expect(states.filter(isEditable)).toEqual(["notStarted", "filling", "returned"]);
  });
});
