/** parse → render → parse is stable; the parser never throws and always yields a valid expression. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SimpleTarget, TargetExpression } from "../../src/target/expression.ts";
import { parseTargetText } from "../../src/target/parse.ts";
import { renderTarget } from "../../src/target/render.ts";
import { UNITS } from "../../src/text/unit.ts";

const value = fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100);
const positive = fc.integer({ min: 1, max: 1_000 }).map((n) => n / 100);
const unit = fc.constantFrom(null, ...UNITS);
const quantity = fc.record({ value, unit });

const threshold = fc.record({
  kind: fc.constant("threshold" as const),
  op: fc.constantFrom("gt" as const, "gte" as const, "lt" as const, "lte" as const),
  quantity,
  sustain: fc.boolean(),
});
const level = fc.record({
  kind: fc.constant("level" as const),
  quantity,
  from: fc.option(quantity, { nil: null }),
  directionHint: fc.constantFrom(null, "higher" as const, "lower" as const),
});
const band = fc.record({
  kind: fc.constant("band" as const),
  quantity,
  halfWidth: fc.option(positive, { nil: null }),
  sustain: fc.boolean(),
});
const maintain = fc.record({
  kind: fc.constant("maintain" as const),
  halfWidth: fc.option(positive, { nil: null }),
});

/** Statements: free words from a harmless alphabet followed by a cue of judgement. */
const qualitative = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom(..."收入支出规模经济社会发展水平群众疾病健康需求医保基金与的"),
      maxLength: 12,
    }),
    fc.constantFrom("更加适应", "相适应", "保持合理水平", "相匹配", "稳中有升", "进一步提高", "收支平衡"),
  )
  .map(([words, cue]) => ({ kind: "qualitative" as const, statement: `${words}${cue}` }));

const milestone = fc
  .array(
    fc.constantFrom(
      "市级统筹",
      "省级统筹",
      "巩固市级统筹",
      "适时推进省级统筹",
      "以长株潭地区为试点",
      "逐步实现基本医疗保险省级统筹",
      "全面做实市级统筹",
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((steps) => ({ kind: "milestone" as const, steps: steps as [string, ...string[]] }));

const notApplicable = fc.constant({ kind: "notApplicable" as const });

const partTarget: fc.Arbitrary<SimpleTarget> = fc.oneof(threshold, level, band, maintain);
const compound = fc
  .array(
    fc.record({
      subject: fc.constantFrom(
        "药品",
        "高值医用耗材",
        "职工医保",
        "居民医保",
        "耗材",
        "城乡居民",
        "医用耗材",
      ),
      target: partTarget,
    }),
    { minLength: 2, maxLength: 3 },
  )
  .map((parts) => ({ kind: "compound" as const, parts }));

const expression: fc.Arbitrary<TargetExpression> = fc.oneof(
  threshold,
  level,
  band,
  maintain,
  qualitative,
  milestone,
  notApplicable,
  compound,
);

/** Cell-like text from the words plans use, to reach the parser's odd corners. */
const cellLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "≥",
        ">",
        "<",
        "≤",
        "不低于",
        "超过",
        "低于",
        "以上",
        "以下",
        "及以上",
        "左右",
        "稳定在",
        "保持",
        "保持在",
        "达到",
        "达",
        "从",
        "由",
        "提高",
        "降",
        "到",
        "至",
        "控制在",
        "±",
        "、",
        ",",
        "，",
        "；",
        "药品",
        "高值医用耗材",
        "%",
        "％",
        "亿元",
        "个",
        "个品种",
        "类",
        "个月",
        "万人次",
        "保持稳定",
        "省级统筹",
        "巩固",
        "适时推进",
        "市级统筹",
        "合理",
        "水平",
        "更加适应",
        "—",
        "/",
        "-",
        " ",
        "\n",
        "①",
        "^②",
        "<sup>③</sup>",
        "個",
        "達到",
        "穩定",
        "．",
        "(",
        ")",
        "个百分点",
      ),
      value.map(String),
      fc.integer({ min: 0, max: 999 }).map(String),
    ),
    { maxLength: 8 },
  )
  .map((tokens) => tokens.join(""));

/** "<subject><prefix><number><unit><suffix>" pieces joined by separators: mostly readable cells. */
const structuredPiece = fc
  .tuple(
    fc.constantFrom("", "", "药品", "耗材", "藥品"),
    fc.constantFrom(
      "",
      "",
      "≥",
      ">",
      "≤",
      "不低于",
      "超过",
      "达到",
      "稳定在",
      "保持在",
      "从5%提高到",
      "降至",
      "控制在",
    ),
    value.map(String),
    fc.constantFrom("", "%", "亿元", "个", "個品種", "类", "个月", "万人次"),
    fc.constantFrom("", "", "以上", "以下", "左右", "±1", "±0.5%", "以内", "及以上"),
  )
  .map((parts) => parts.join(""));
const structured = fc
  .array(fc.oneof(structuredPiece, fc.constantFrom("保持稳定", "省级统筹", "—")), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((pieces) => fc.constantFrom("、", ",", "；").map((sep) => pieces.join(sep)));

describe("target expressions round-trip", () => {
  it("parse(render(e)) equals e for every kind the parser produces", () => {
    fc.assert(
      fc.property(expression, (e) => {
        expect(parseTargetText(renderTarget(e))).toEqual(e);
      }),
      { numRuns: 2000 },
    );
  });

  it("render is idempotent through parse", () => {
    fc.assert(
      fc.property(expression, (e) => {
        const text = renderTarget(e);
        expect(renderTarget(parseTargetText(text))).toBe(text);
      }),
    );
  });

  it("is stable on whatever the parser reads from cell-like text", () => {
    fc.assert(
      fc.property(fc.oneof(cellLike, structured), (text) => {
        const parsed = parseTargetText(text);
        if (parsed.kind === "unrecognised") return;
        expect(parseTargetText(renderTarget(parsed))).toEqual(parsed);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("the parser never throws", () => {
  it("on arbitrary strings, and its result is a valid expression", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), cellLike), (text) => {
        const parsed = parseTargetText(text);
        expect(TargetExpression.safeParse(parsed).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
