import { describe, expect, it } from "vitest";
import { parseEntry } from "../src/lib/parse-entry.ts";

const pct = { unit: "%", textAllowed: false };

describe("parseEntry", () => {
  it("reads numbers with units, full-width digits and separators", () => {
    expect(parseEntry("96.5", pct)).toEqual({ kind: "number", value: 96.5 });
    expect(parseEntry(" 96.5% ", pct)).toEqual({ kind: "number", value: 96.5 });
    expect(parseEntry("９６．５％", pct)).toEqual({ kind: "number", value: 96.5 });
    expect(parseEntry("1,234.5亿元", { unit: "亿元", textAllowed: false })).toEqual({ kind: "number", value: 1234.5 });
    expect(parseEntry("-2.1", { unit: null, textAllowed: false })).toEqual({ kind: "number", value: -2.1 });
  });

  it("treats blank as empty", () => {
    expect(parseEntry("   ", pct)).toEqual({ kind: "empty" });
  });

  it("refuses out-of-range percentages and words where a number is needed", () => {
    expect(parseEntry("101", pct)).toEqual({ kind: "invalid", message: "百分比应在 0 到 100 之间" });
    expect(parseEntry("九十", pct)).toEqual({ kind: "invalid", message: "请输入数字（单位：%）" });
    expect(parseEntry("12个", { unit: "亿元", textAllowed: false }).kind).toBe("invalid");
  });

  it("lets a change in % be negative or above 100, like the server", () => {
    expect(parseEntry("-3.5", { unit: "%", name: "基金收入增长率", textAllowed: false })).toEqual({ kind: "number", value: -3.5 });
    expect(parseEntry("-3.5", { unit: "%", name: "参保率", textAllowed: false }).kind).toBe("invalid");
  });

  it("accepts text for qualitative indicators", () => {
    expect(parseEntry("已实现市级统筹", { unit: null, textAllowed: true })).toEqual({
      kind: "text",
      text: "已实现市级统筹",
    });
  });
});
