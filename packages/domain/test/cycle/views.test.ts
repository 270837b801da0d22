import { describe, expect, it } from "vitest";
import {
  CompletenessBucket,
  completeness,
  completenessBucket,
  FilledCount,
  PlausibilityWarning,
  plausibilityWarnings,
  Reminder,
  reminderFor,
  SubmitProblem,
  submitProblems,
  unexplained,
} from "../../src/cycle/index.ts";

/**
 * The shapes the cycle's views answer (`cycle.status`, `queue`, `todo`, `completeness` declare
 * them as `.output()`): the schemas take what the rules produce, unchanged, and refuse what they
 * never produce.
 */

const rate = { id: "rate", name: "基本医疗保险参保率", unit: "%" };
const income = { id: "inc", name: "基本医疗保险(含生育保险)基金收入", unit: "亿元" };
const spend = { id: "exp", name: "基本医疗保险(含生育保险)基金支出", unit: "亿元" };
const balance = { id: "bal", name: "基本医疗保险(含生育保险)基金累计结余", unit: "亿元" };

describe("the cycle's view schemas", () => {
  it("a year's warnings and submit problems parse as produced", () => {
    const warnings = plausibilityWarnings([rate, income, spend, balance], {
      year: 2023,
      current: new Map([
        ["rate", 40],
        ["inc", 10],
        ["exp", 8],
        ["bal", 30],
      ]),
      previous: new Map([
        ["rate", { year: 2022, value: 95 }],
        ["bal", { year: 2022, value: 20 }],
      ]),
    });
    expect(warnings.map((w) => w.rule)).toEqual(["yearOnYear", "balanceIdentity"]);
    expect(PlausibilityWarning.array().parse(warnings)).toEqual(warnings);
    const problems = submitProblems(
      [
        { id: "a", name: "参保率", attribute: "binding", filled: false, breach: false, explanation: null },
        { id: "b", name: "结余", attribute: "binding", filled: true, breach: true, explanation: null },
      ],
      unexplained(warnings, () => null),
    );
    expect(problems.map((p) => p.kind)).toEqual([
      "missing",
      "causeRequired",
      "unexplainedWarning",
      "unexplainedWarning",
    ]);
    expect(SubmitProblem.array().parse(problems)).toEqual(problems);
    const filled = completeness([{ filled: true }, { filled: false }]);
    expect(FilledCount.parse(filled)).toEqual({ filled: 1, total: 2 });
  });

  it("refuses a rule, kind or count the rules never produce", () => {
    expect(PlausibilityWarning.safeParse({ indicatorId: "a", rule: "other", message: "" }).success).toBe(
      false,
    );
    expect(SubmitProblem.safeParse({ indicatorId: "a", kind: "late", message: "" }).success).toBe(false);
    expect(FilledCount.safeParse({ filled: -1, total: 2 }).success).toBe(false);
    expect(FilledCount.safeParse({ filled: 1.5, total: 2 }).success).toBe(false);
    expect(Reminder.safeParse("soon").success).toBe(false);
  });

  it("reminders parse as produced, none included", () => {
    for (const today of ["2025-02-01", "2025-02-25", "2025-03-05"]) {
      const r = reminderFor("2025-02-28", today, false);
      expect(Reminder.parse(r)).toBe(r);
    }
    expect(Reminder.parse(null)).toBeNull();
  });

  it("a year is bucketed by its state, and 逾期 only when unsubmitted past the deadline", () => {
    const w = { deadline: "2025-02-28" };
    const late = "2025-03-01";
    const bucket = (
      state: Parameters<typeof completenessBucket>[0],
      today: string,
      window: typeof w | null = w,
    ) => completenessBucket(state, window, today);
    expect(bucket("approved", late)).toEqual({ bucket: "approved", reminder: null });
    expect(bucket("submitted", late)).toEqual({ bucket: "submitted", reminder: null });
    // Returned stays 退回 past the deadline (what is owed is the reviewer's point), reminded as overdue.
    expect(bucket("returned", late)).toEqual({ bucket: "returned", reminder: "overdue" });
    expect(bucket("filling", late)).toEqual({ bucket: "overdue", reminder: "overdue" });
    expect(bucket("notStarted", late)).toEqual({ bucket: "overdue", reminder: "overdue" });
    expect(bucket("notStarted", "2025-02-25")).toEqual({ bucket: "notSubmitted", reminder: "dueSoon" });
    // No window: never 逾期.
    expect(bucket("filling", late, null)).toEqual({ bucket: "notSubmitted", reminder: null });
    for (const state of ["notStarted", "filling", "submitted", "returned", "approved"] as const) {
      const r = bucket(state, late);
      expect(CompletenessBucket.parse(r.bucket)).toBe(r.bucket);
      expect(Reminder.parse(r.reminder)).toBe(r.reminder);
    }
  });
});
