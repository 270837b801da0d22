import { describe, expect, it } from "vitest";
import {
  checkYearOnYear,
  completeness,
  fundGroups,
  plausibilityWarnings,
  previousValue,
  reminderFor,
  submitProblems,
  unexplained,
  yearOnYearBand,
} from "../../src/cycle/index.ts";

const rate = { id: "rate", name: "基本医疗保险参保率", unit: "%" };
const income = { id: "inc", name: "基本医疗保险(含生育保险)基金收入", unit: "亿元" };
const spend = { id: "exp", name: "基本医疗保险(含生育保险)基金支出", unit: "亿元" };
const balance = { id: "bal", name: "基本医疗保险(含生育保险)基金累计结余", unit: "亿元" };
const count = { id: "cnt", name: "定点医药机构数量", unit: "家" };
const text = { id: "txt", name: "医保信息化建设", unit: null };

describe("year-on-year bands", () => {
  it("are per indicator kind", () => {
    expect(yearOnYearBand(rate)).toEqual({ kind: "points", points: 10 });
    expect(yearOnYearBand(income)).toEqual({ kind: "factor", factor: 2 });
    expect(yearOnYearBand(count)).toEqual({ kind: "factor", factor: 3 });
    expect(yearOnYearBand(text)).toBeNull();
  });

  it("参保率 95 → 40 is flagged; 95 → 96.5 and 95 → 85 are not", () => {
    expect(checkYearOnYear(rate, { year: 2023, value: 95 }, 40)?.message).toContain("变动55个百分点");
    expect(checkYearOnYear(rate, { year: 2023, value: 95 }, 96.5)).toBeNull();
    expect(checkYearOnYear(rate, { year: 2023, value: 95 }, 85)).toBeNull();
  });

  it("基金收入 80 亿元 against a baseline of 2.72 亿元 is flagged; 3.1 is not", () => {
    const prev = previousValue([], { year: 2020, value: 2.72 }, 2021);
    expect(prev).toEqual({ year: 2020, value: 2.72 });
    expect(checkYearOnYear(income, prev, 80)?.rule).toBe("yearOnYear");
    expect(checkYearOnYear(income, prev, 3.1)).toBeNull();
    expect(checkYearOnYear(income, prev, 1.2)?.rule).toBe("yearOnYear");
  });

  it("compares with the latest earlier year, not a later one", () => {
    const prev = previousValue(
      [
        { year: 2021, value: 90 },
        { year: 2023, value: 96 },
        { year: 2025, value: 10 },
      ],
      { year: 2020, value: 80 },
      2024,
    );
    expect(prev).toEqual({ year: 2023, value: 96 });
  });
});

describe("the 累计结余 identity", () => {
  const all = [rate, income, spend, balance];
  it("finds the fund of income, expenditure and balance", () => {
    expect(fundGroups(all)).toEqual([
      { fund: "基本医疗保险(含生育保险)基金", incomeId: "inc", expenditureId: "exp", balanceId: "bal" },
    ]);
    expect(fundGroups([rate, income, spend])).toEqual([]);
  });

  const figures = (bal: number) => ({
    year: 2024,
    current: new Map([
      ["inc", 10],
      ["exp", 9],
      ["bal", bal],
    ]),
    previous: new Map([
      ["inc", { year: 2023, value: 9.5 }],
      ["exp", { year: 2023, value: 8.8 }],
      ["bal", { year: 2023, value: 20 }],
    ]),
  });

  it("holds within a tolerance: 20 + 10 − 9 = 21 (21.1 passes, 23 does not)", () => {
    expect(plausibilityWarnings(all, figures(21))).toEqual([]);
    expect(plausibilityWarnings(all, figures(21.1))).toEqual([]);
    const w = plausibilityWarnings(all, figures(23));
    expect(w.map((x) => [x.indicatorId, x.rule])).toEqual([["bal", "balanceIdentity"]]);
    expect(w[0]!.message).toContain("= 21");
  });

  it("is not checked without last year's balance", () => {
    const f = figures(30);
    expect(plausibilityWarnings(all, { ...f, previous: new Map() })).toEqual([]);
  });
});

describe("submit checks", () => {
  const ind = (over: Partial<Parameters<typeof submitProblems>[0][number]>) => ({
    id: "a",
    name: "参保率",
    attribute: "binding" as const,
    filled: true,
    breach: false,
    explanation: null,
    ...over,
  });

  it("a binding indicator needs a value or an explanation; an expected one does not", () => {
    expect(submitProblems([ind({ filled: false })], []).map((p) => p.kind)).toEqual(["missing"]);
    expect(
      submitProblems(
        [ind({ filled: false, explanation: { cause: "统计口径调整，数据年底发布", measure: null } })],
        [],
      ),
    ).toEqual([]);
    expect(submitProblems([ind({ filled: false, attribute: "expected" })], [])).toEqual([]);
  });

  it("a binding breach needs 原因 and 整改措施", () => {
    expect(submitProblems([ind({ breach: true })], []).map((p) => p.kind)).toEqual(["causeRequired"]);
    expect(
      submitProblems([ind({ breach: true, explanation: { cause: "原因", measure: null } })], []).length,
    ).toBe(1);
    expect(
      submitProblems([ind({ breach: true, explanation: { cause: "原因", measure: "措施" } })], []),
    ).toEqual([]);
  });

  it("plausibility warnings block unless the row's note explains them", () => {
    const w = [{ indicatorId: "rate", rule: "yearOnYear" as const, message: "参保率变动过大" }];
    expect(unexplained(w, () => null)).toHaveLength(1);
    expect(unexplained(w, () => "  ")).toHaveLength(1);
    expect(unexplained(w, () => "口径调整")).toHaveLength(0);
    expect(
      submitProblems(
        [],
        unexplained(w, () => null),
      ).map((p) => p.kind),
    ).toEqual(["unexplainedWarning"]);
  });

  it("counts 已填 n/m and reminds 7 days before the deadline and when overdue", () => {
    expect(completeness([{ filled: true }, { filled: false }, { filled: true }])).toEqual({
      filled: 2,
      total: 3,
    });
    expect(reminderFor("2025-02-28", "2025-02-20", false)).toBeNull();
    expect(reminderFor("2025-02-28", "2025-02-21", false)).toBe("dueSoon");
    expect(reminderFor("2025-02-28", "2025-03-01", false)).toBe("overdue");
    expect(reminderFor("2025-02-28", "2025-03-01", true)).toBeNull();
  });
});
