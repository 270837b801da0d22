import { entryTakesText, numericRangeProblem, parseEntryValue, readNumber } from "@ybplan/domain/observation";
import { entryValueCases } from "@ybplan/domain/observation/entry-value-cases";
import { describe, expect, it } from "vitest";

describe("parseEntryValue", () => {
  it.each(entryValueCases.map((c) => [c.raw, c.rules.unit, c]))(
    "reads %j in a %s field",
    (_raw, _unit, c) => {
      expect(parseEntryValue(c.raw, c.rules)).toEqual(c.expected);
    },
  );
});

describe("readNumber", () => {
  it("reads a number with any known unit when the indicator's is not given", () => {
    expect(readNumber("33.6亿元")).toBe(33.6);
    expect(readNumber("１２３")).toBe(123);
    expect(readNumber("96.3%")).toBe(96.3);
    expect(readNumber("1,234")).toBe(1234);
    expect(readNumber("112个品种")).toBe(112);
  });
  it("refuses words, a doubled unit and another unit than the indicator's", () => {
    expect(readNumber("九十")).toBeNull();
    expect(readNumber("97%%")).toBeNull();
    expect(readNumber("12个", "亿元")).toBeNull();
    expect(readNumber("12亿元", "亿元")).toBe(12);
  });
});

describe("numericRangeProblem", () => {
  it("keeps rates within 0–100 unless they are changes", () => {
    expect(numericRangeProblem(100, "％", "参保率")).toBeNull();
    expect(numericRangeProblem(100.1, "%", "参保率")).toBe("百分比应在 0–100 之间");
    expect(numericRangeProblem(-3.2, "%", "医疗费用增长率")).toBeNull();
  });
  it("refuses negative counts and amounts only", () => {
    expect(numericRangeProblem(-3, "个品种", "品种")).toBe("以“个品种”为单位的数值不能为负数");
    expect(numericRangeProblem(-2, null, "无单位指标")).toBeNull();
    expect(numericRangeProblem(Number.NaN, null, "x")).toBe("数值无效");
  });
});

describe("entryTakesText", () => {
  it("lets qualitative and milestone targets take text, and no other", () => {
    expect(["qualitative", "milestone", "threshold", "level", "compound"].filter(entryTakesText)).toEqual([
      "qualitative",
      "milestone",
    ]);
  });
});
