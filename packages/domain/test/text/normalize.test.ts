import { describe, expect, it } from "vitest";
import { compactSpaces, normalizeText, toHalfWidth } from "../../src/text/normalize.ts";

describe("normalizeText", () => {
  it("turns full-width digits, letters and symbols into half-width", () => {
    expect(normalizeText("９５％以上")).toBe("95%以上");
    expect(normalizeText("＞５００")).toBe(">500");
    expect(normalizeText("ＤＩＰ付费（％）")).toBe("DIP付费(%)");
    expect(normalizeText("３３．６亿元，增长")).toBe("33.6亿元,增长");
    expect(normalizeText("－")).toBe("-");
  });

  it("unifies comparison-sign variants", () => {
    expect(normalizeText("≧97%")).toBe("≥97%");
    expect(normalizeText("⩽27﹪")).toBe("≤27%");
    expect(normalizeText("﹥70")).toBe(">70");
  });

  it("keeps circled footnote digits and Chinese punctuation that has no half-width form", () => {
    expect(normalizeText("96%以上①")).toBe("96%以上①");
    expect(normalizeText("药品、耗材。")).toBe("药品、耗材。");
  });

  it("collapses NBSP, ideographic spaces and line breaks, and trims", () => {
    expect(normalizeText("\u3000 稳定在\u00a080%\n左右\t ")).toBe("稳定在 80% 左右");
    expect(normalizeText("a\u200bb\ufeff")).toBe("ab");
  });

  it("can keep line breaks", () => {
    expect(normalizeText(" 鞏固市級統籌 \n\u3000適時推進 ", { keepLineBreaks: true })).toBe(
      "鞏固市級統籌\n適時推進",
    );
  });

  it("toHalfWidth leaves other text alone", () => {
    expect(toHalfWidth("医疗保障①—")).toBe("医疗保障①—");
  });
});

describe("compactSpaces", () => {
  it("removes spaces around Chinese text but keeps them between ASCII words", () => {
    expect(compactSpaces("33.6 亿元")).toBe("33.6亿元");
    expect(compactSpaces("基本医疗保险 (含生育保险) 基金收入")).toBe("基本医疗保险(含生育保险)基金收入");
    expect(compactSpaces("Group A 付费")).toBe("Group A付费");
  });

  it("joins digits split by a space", () => {
    expect(compactSpaces("1 000")).toBe("1000");
  });
});
