/** Phrasings found in other plans, and edge cases: footnotes, full-width forms, garbage, empty text. */
import { describe, expect, it } from "vitest";
import type { TargetExpression } from "../../src/target/expression.ts";
import { parseTargetCell, parseTargetText } from "../../src/target/parse.ts";
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

const phrasings: ReadonlyArray<readonly [string, TargetExpression]> = [
  // comparisons
  ["≥97%", gte(97, "%")],
  [">=97%", gte(97, "%")],
  ["≧97%", gte(97, "%")],
  ["＞95%", gt(95, "%")],
  ["不低于50%", gte(50, "%")],
  ["不少于100家", gte(100, "家")],
  ["超过90%", gt(90, "%")],
  ["高于85%", gt(85, "%")],
  ["不高于27%", lte(27, "%")],
  ["不超过30%", lte(30, "%")],
  ["≤27%", lte(27, "%")],
  ["20%以下", lte(20, "%")],
  ["20%及以下", lte(20, "%")],
  ["95%及以上", gte(95, "%")],
  ["5%以内", lte(5, "%")],
  ["低于5%", lt(5, "%")],
  ["<1‰", lt(1, "‰")],
  ["12个月以上", gte(12, "个月")],
  ["5类以上", gte(5, "类")],
  ["500个品种以上", gte(500, "个")],
  ["达到90%以上", gte(90, "%")],
  ["控制在27%以内", lte(27, "%")],
  ["控制在27%", lte(27, "%")],
  // sustained thresholds
  ["稳定在95%以上", gte(95, "%", true)],
  ["保持在96%以上", gte(96, "%", true)],
  ["持续保持在95%以上", gte(95, "%", true)],
  ["保持高于90%", gt(90, "%", true)],
  ["稳定在20%以下", lte(20, "%", true)],
  // levels
  ["达到90%", level(90, "%")],
  ["达90%", level(90, "%")],
  ["从63%提高到70%", level(70, "%", q(63, "%"), "higher")],
  ["由63%提升至70%", level(70, "%", q(63, "%"), "higher")],
  ["降至27%", level(27, "%", null, "lower")],
  ["下降到27%", level(27, "%", null, "lower")],
  ["从30%降低到27%", level(27, "%", q(30, "%"), "lower")],
  ["从63%到70%", level(70, "%", q(63, "%"))],
  // prose names the years of a change's ends
  ["由2020年的30%提升至70%", level(70, "%", q(30, "%"), "higher")],
  ["从2020年底的63%提高到2025年的70%", level(70, "%", q(63, "%"), "higher")],
  ["提高到65%左右", band(65, "%")],
  ["增至260万人", level(260, "万人", null, "higher")],
  ["压缩至10个工作日", level(10, "个工作日", null, "lower")],
  ["缩短到30分钟以内", lte(30, "分钟")],
  ["达到5.2万家", level(5.2, "万家")],
  ["稳定在不低于610元", gte(610, "元", true)],
  ["巩固在95%以上", gte(95, "%", true)],
  ["突破60万人", gt(60, "万人")],
  ["超99.9%", gt(99.9, "%")],
  ["达到或超过90%", gte(90, "%")],
  ["增加到300条", level(300, "条", null, "higher")],
  ["控制在2个百分点以内", lte(2, "个百分点")],
  ["提高到95%以上", gte(95, "%")],
  ["1.5万人次", level(1.5, "万人次")],
  // bands
  ["75%左右", band(75, "%")],
  ["稳定在80%左右", band(80, "%", true)],
  ["保持在70%左右", band(70, "%", true)],
  ["80%±1", band(80, "%", false, 1)],
  ["80±1%", band(80, "%", false, 1)],
  ["80%±1个百分点", band(80, "%", false, 1)],
  ["稳定在80%左右(±2个百分点)", band(80, "%", true, 2)],
  ["稳定在80%", band(80, "%", true)],
  ["约80%", band(80, "%")],
  ["保持稳定在80%左右", band(80, "%", true)],
  // the end year before a target
  ["到2025年达到90%", level(90, "%")],
  ["2025年底≥97%", gte(97, "%")],
  ["大于等于95%", gte(95, "%")],
  // keep the baseline
  ["保持稳定", maintain()],
  ["基本稳定", maintain()],
  ["保持稳定(±1)", maintain(1)],
  ["保持稳定（±0.5个百分点）", maintain(0.5)],
  // words
  ["保持合理水平", qualitative("保持合理水平")],
  ["稳中有升", qualitative("稳中有升")],
  ["省级统筹", milestone("省级统筹")],
  ["市级统筹", milestone("市级统筹")],
  ["巩固市级统筹适时推进省级统筹", milestone("巩固市级统筹", "适时推进省级统筹")],
  ["巩固市级统筹，适时推进省级统筹", milestone("巩固市级统筹", "适时推进省级统筹")],
  // compounds
  ["药品≥90%、高值医用耗材≥80%", compound(["药品", gte(90, "%")], ["高值医用耗材", gte(80, "%")])],
  [
    "职工医保保持稳定；居民医保稳定在70%左右",
    compound(["职工医保", maintain()], ["居民医保", band(70, "%", true)]),
  ],
  [
    "药品从100个提高到500个、耗材5类以上",
    compound(["药品", level(500, "个", q(100, "个"), "higher")], ["耗材", gte(5, "类")]),
  ],
  // not applicable
  ["—", na],
  ["——", na],
  ["-", na],
  ["－", na],
  ["–", na],
  ["/", na],
  ["／", na],
  ["无", na],
];

describe("phrasings", () => {
  it.each(phrasings)("%s", (text, expected) => {
    expect(parseTargetText(text)).toEqual(expected);
  });
});

describe("footnote markers", () => {
  it.each([
    ["96%以上 ^①", ["①"]],
    ["96%以上^①", ["①"]],
    ["96%以上①", ["①"]],
    [">95 <sup>①</sup>", ["①"]],
    [">95<sup>2</sup>", ["②"]],
    [">95 ^3", ["③"]],
    ["96%以上¹", ["①"]],
    ["96%以上 ①②", ["①", "②"]],
  ] as const)("%s → %j", (text, marks) => {
    const cell = parseTargetCell(text);
    expect(cell.footnoteMarks).toEqual(marks);
    expect(cell.expression.kind).not.toBe("unrecognised");
    expect(cell.text).toBe(text);
  });

  it("parseTargetText ignores the markers", () => {
    expect(parseTargetText("96%以上 ^①")).toEqual(gte(96, "%"));
    expect(parseTargetText(">500 <sup>②</sup>")).toEqual(gt(500));
  });
});

describe("full-width and spacing", () => {
  it.each([
    ["９７％以上", gte(97, "%")],
    ["≥９７％", gte(97, "%")],
    ["３３．６　亿元", level(33.6, "亿元")],
    ["\u00a0 95%以上 \u3000", gte(95, "%")],
    ["稳定在\n80%\n左右", band(80, "%", true)],
    ["穩定在80%左右", band(80, "%", true)],
    ["76.0。", level(76)],
  ] as const)("%j", (text, expected) => {
    expect(parseTargetText(text)).toEqual(expected);
  });
});

describe("unrecognised text gives a reason, never an exception", () => {
  it.each([
    ["", "单元格为空"],
    ["   ", "单元格为空"],
    ["abc", "无法识别"],
    ["待定", "无法识别"],
    ["约50%的样子", "数值"],
    ["95%以上以上", "数值"],
    ["±1", "数值"],
    ["80%±0", "数值"],
    ["预期性", "指标属性"],
    ["约束性", "指标属性"],
    ["药品达到90%", "一个分项"],
    ["<sup>x</sup>", "无法识别"],
  ] as const)("%j", (text, reasonPart) => {
    const result = parseTargetText(text);
    expect(result.kind).toBe("unrecognised");
    if (result.kind === "unrecognised") expect(result.reason).toContain(reasonPart);
  });

  it("does not treat a statement that mentions a pooled fund as a milestone", () => {
    expect(parseTargetText("统筹基金收支平衡")).toEqual(qualitative("统筹基金收支平衡"));
  });
});
