import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeTarget } from "../../src/target/describe.ts";
import { parseTargetText } from "../../src/target/parse.ts";
import { formatNumber, renderTarget } from "../../src/target/render.ts";
import {
  band,
  compound,
  gt,
  gte,
  level,
  lt,
  lte,
  maintain,
  milestone,
  na,
  q,
  qualitative,
} from "./builders.ts";

describe("renderTarget", () => {
  it.each([
    [gte(97, "%"), "≥97%"],
    [gt(95, "%"), ">95%"],
    [lte(27, "%"), "≤27%"],
    [lt(5), "<5"],
    [gte(95, "%", true), "稳定在95%以上"],
    [lte(20, "%", true), "稳定在20%以下"],
    [gt(90, "%", true), "保持高于90%"],
    [level(76), "76"],
    [level(70, "%", q(63, "%"), "higher"), "从63%提高到70%"],
    [level(27, "%", null, "lower"), "降至27%"],
    [band(80, "%"), "80%左右"],
    [band(80, "%", true), "稳定在80%左右"],
    [band(80, "%", false, 1), "80%±1"],
    [maintain(), "保持稳定"],
    [maintain(1), "保持稳定(±1)"],
    [qualitative("保持合理水平"), "保持合理水平"],
    [milestone("巩固市级统筹", "适时推进省级统筹"), "巩固市级统筹，适时推进省级统筹"],
    [compound(["药品", level(90, "%")], ["高值医用耗材", gte(80, "%")]), "药品达到90%、高值医用耗材≥80%"],
    [na, "—"],
  ] as const)("%j → %s", (expr, text) => {
    expect(renderTarget(expr)).toBe(text);
  });

  it("canonicalises equivalent spellings to one text", () => {
    const spellings = ["95%以上", "≥95%", "不低于95%", "９５％以上", ">=95%", "95%及以上"];
    expect(new Set(spellings.map((s) => renderTarget(parseTargetText(s))))).toEqual(new Set(["≥95%"]));
  });

  it("never writes exponent notation", () => {
    expect(formatNumber(1e21)).toBe("1000000000000000000000");
    expect(formatNumber(0.0000001)).toBe("0.0000001");
    expect(formatNumber(82.27)).toBe("82.27");
  });
});

describe("describeTarget", () => {
  it.each([
    [gte(97, "%"), "%", "不低于97%"],
    [gt(500), "个", "高于500个"],
    [gte(95, null, true), "%", "持续保持不低于95%"],
    [band(80, "%", true, 1), "%", "稳定在80%左右（±1个百分点）"],
    [band(75, "%"), "%", "75%左右"],
    [level(90), "%", "达到90%"],
    [level(70, "%", q(63, "%"), "higher"), "%", "由63%提高到70%"],
    [level(27, "%", null, "lower"), "%", "降至27%"],
    [maintain(), "%", "保持基期水平稳定"],
    [maintain(2), "%", "保持基期水平稳定（±2个百分点）"],
    [milestone("巩固市级统筹", "适时推进省级统筹"), null, "巩固市级统筹，适时推进省级统筹"],
    [
      compound(["药品", level(90, "%")], ["高值医用耗材", level(80, "%")]),
      "%",
      "药品达到90%；高值医用耗材达到80%",
    ],
    [na, null, "无"],
  ] as const)("%j", (expr, unit, phrase) => {
    expect(describeTarget(expr, unit)).toBe(phrase);
  });

  it("reads a plain baseline value as the value", () => {
    expect(describeTarget(level(82.27, "%"), "%", "baseline")).toBe("82.27%");
    expect(describeTarget(level(33.6), "亿元", "baseline")).toBe("33.6亿元");
  });

  it("says why a cell could not be read", () => {
    expect(describeTarget(parseTargetText("abc"))).toMatch(/^无法识别（/);
  });
});

describe("formatNumber", () => {
  it("reads back as the same number for any finite value", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }), (v) => {
        const s = formatNumber(v);
        expect(s).not.toMatch(/e/i);
        expect(Number(s)).toBe(v === 0 ? 0 : v);
      }),
    );
  });
});
