import { describe, expect, it } from "vitest";
import { numericRangeProblem } from "../src/services/observation-rules.ts";

describe("numericRangeProblem", () => {
  it("keeps rates within 0–100", () => {
    expect(numericRangeProblem(96.3, "%", "基本医疗保险参保率")).toBeNull();
    expect(numericRangeProblem(100, "%", "参保率")).toBeNull();
    expect(numericRangeProblem(100.1, "%", "参保率")).toBe("百分比应在 0–100 之间");
    expect(numericRangeProblem(-1, "％", "报销比例")).toBe("百分比应在 0–100 之间");
  });
  it("lets changes expressed in % be negative or above 100", () => {
    expect(numericRangeProblem(-3.2, "%", "医疗费用增长率")).toBeNull();
    expect(numericRangeProblem(140, "%", "基金收入增幅")).toBeNull();
  });
  it("refuses negative counts and amounts, accepts other units", () => {
    expect(numericRangeProblem(-5, "个", "药品集中带量采购品种")).toBe("以“个”为单位的数值不能为负数");
    expect(numericRangeProblem(-1, "亿元", "基金收入")).toBe("以“亿元”为单位的数值不能为负数");
    expect(numericRangeProblem(500, "个", "品种")).toBeNull();
    expect(numericRangeProblem(-2, null, "无单位指标")).toBeNull();
    expect(numericRangeProblem(Number.NaN, null, "x")).toBe("数值无效");
  });
});
