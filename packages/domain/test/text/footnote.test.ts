import { describe, expect, it } from "vitest";
import { circledDigit, extractFootnoteMarks, plainCellText } from "../../src/text/footnote.ts";

describe("extractFootnoteMarks", () => {
  it.each([
    ["96%以上 ^①", "96%以上", ["①"]],
    ["^②", "", ["②"]],
    [">95 <sup>①</sup>", ">95", ["①"]],
    [">5 <sup>③</sup>", ">5", ["③"]],
    ["<sup>4</sup>异地就医", "异地就医", ["④"]],
    ["异地就医住院费用直接结算率 <sup>④</sup> (%)", "异地就医住院费用直接结算率 (%)", ["④"]],
    ["住院费用跨省直接结算率 ^④ （%）", "住院费用跨省直接结算率 （%）", ["④"]],
    ["96%以上①", "96%以上", ["①"]],
    ["①②指标", "指标", ["①", "②"]],
    ["80%²", "80%", ["②"]],
    [">500 ^12", ">500", ["⑫"]],
    ["96%以上 ^① ①", "96%以上", ["①"]],
    ["没有标记", "没有标记", []],
  ] as const)("%j", (input, text, marks) => {
    expect(extractFootnoteMarks(input)).toEqual({ text, marks });
  });

  it("leaves a <sup> that is not a marker and units like m² alone", () => {
    expect(extractFootnoteMarks("10<sup>x</sup>").marks).toEqual([]);
    expect(extractFootnoteMarks("面积km²").text).toBe("面积km²");
  });

  it("circledDigit covers ① to ⑳", () => {
    expect(circledDigit(1)).toBe("①");
    expect(circledDigit(20)).toBe("⑳");
    expect(circledDigit(21)).toBe("[21]");
  });
});

describe("plainCellText", () => {
  it.each([
    ["96%以上 ^①", "96%以上①"],
    [">5 ^③", ">5③"],
    ["&gt;95 &lt;sup&gt;①&lt;/sup&gt;", ">95①"],
    ["稳定在80%左右", "稳定在80%左右"],
  ])("%s → %s", (raw, plain) => {
    expect(plainCellText(raw)).toBe(plain);
  });
});
