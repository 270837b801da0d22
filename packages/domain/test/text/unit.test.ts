import { describe, expect, it } from "vitest";
import { canonicalUnit, splitNameAndUnit, unitFromText } from "../../src/text/unit.ts";

describe("unitFromText", () => {
  it.each([
    ["890億元", "亿元"],
    ["33.6 亿元", "亿元"],
    ["33.6　亿元", "亿元"],
    ["82.27%", "%"],
    ["82.27％", "%"],
    ["基本医疗保险参保率（%）", "%"],
    ["基本医疗保险参保率 (%)", "%"],
    ["药品集中带量采购品种(个)", "个"],
    ["高值医用耗材集中带量采购品种(类)", "类"],
    ["职工医疗互助参与人次 (万人次)", "万人次"],
    ["职工医疗互助参与人次（万人次）", "万人次"],
    ["基本医疗保险(含生育保险)基金收入（万元）", "万元"],
    ["藥品500個品種以上", "个"],
    ["12个月以上", "个月"],
    ["72954.2", null],
    ["基本医疗保险(含生育保险)基金累计结余", null],
    ["保持稳定", null],
  ] as const)("%s → %s", (text, unit) => {
    expect(unitFromText(text)).toBe(unit);
  });
});

describe("splitNameAndUnit", () => {
  it.each([
    ["基本医疗保险参保率（%）", "基本医疗保险参保率", "%"],
    ["基本医疗保险 (含生育保险) 基金收入 (亿元)", "基本医疗保险(含生育保险)基金收入", "亿元"],
    ["基本医疗保险（含生育保险）基金累计结余", "基本医疗保险(含生育保险)基金累计结余", null],
    ["职工医疗互助参与人次 (万人次)", "职工医疗互助参与人次", "万人次"],
    ["药品集中带量采购品种(个)", "药品集中带量采购品种", "个"],
    ["基本醫療保險參保率", "基本醫療保險參保率", null],
    [
      "城乡居民基本医疗保险政策范围内住院费用基金支付比例(含大病保险)(%)",
      "城乡居民基本医疗保险政策范围内住院费用基金支付比例(含大病保险)",
      "%",
    ],
  ] as const)("%s", (input, name, unit) => {
    expect(splitNameAndUnit(input)).toEqual({ name, unit });
  });
});

describe("canonicalUnit", () => {
  it("maps spellings to canonical units and rejects other words", () => {
    expect(canonicalUnit("個品種")).toBe("个");
    expect(canonicalUnit("％")).toBe("%");
    expect(canonicalUnit("含生育保险")).toBeNull();
  });
});
