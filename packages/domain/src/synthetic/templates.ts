import { assessmentRuleFromFootnote } from "../indicator/infer.ts";
import type { AssessmentRule, IndicatorAttribute, IndicatorDirection } from "../indicator/schema.ts";
import type { JurisdictionLevel } from "../jurisdiction/schema.ts";
import type { ObservationValue } from "../observation/schema.ts";
import type { ParsedCell, SimpleTarget, ThresholdOp } from "../target/expression.ts";
import type { Rng } from "./prng.ts";

/**
 * The 20 main indicators every synthetic plan carries, modelled on the five sample plans: a mix of
 * thresholds, levels, bands, 保持稳定, qualitative, compound and milestone targets; 约束性 and
 * 预期性; higher- and lower-is-better; footnote rules (每年 / 年均).
 */

interface SyntheticValue {
  readonly subject?: string;
  readonly value: ObservationValue;
}

interface Instance {
  readonly baseline: ParsedCell;
  readonly target: ParsedCell;
  readonly footnote: string | null;
  readonly assessment: AssessmentRule;
  /**
   * The values observed `offset` years after the base year (`share` = elapsed share of the period,
   * 0 in the base year).
   */
  readonly observe: (offset: number, share: number) => SyntheticValue[];
}

export interface Template {
  readonly category: string;
  readonly name: string;
  readonly unit: string | null;
  readonly attribute: IndicatorAttribute;
  readonly direction: IndicatorDirection;
  readonly definition: string | null;
  readonly make: (rng: Rng, level: JurisdictionLevel) => Instance;
}

const r2 = (v: number) => Math.round(v * 100) / 100;
const r1 = (v: number) => Math.round(v * 10) / 10;
const clampPct = (v: number) => Math.min(100, Math.max(0, v));

function cell(text: string, expression: ParsedCell["expression"], marks: string[] = []): ParsedCell {
  return { text, expression, footnoteMarks: marks };
}
const level = (
  value: number,
  unit: string | null = null,
  directionHint: "higher" | "lower" | null = null,
): SimpleTarget => ({ kind: "level", quantity: { value, unit }, from: null, directionHint });
const threshold = (op: ThresholdOp, value: number, unit: string | null, sustain = false): SimpleTarget => ({
  kind: "threshold",
  op,
  quantity: { value, unit },
  sustain,
});
const band = (value: number, unit: string | null): SimpleTarget => ({
  kind: "band",
  quantity: { value, unit },
  halfWidth: null,
  sustain: true,
});
const NONE = cell("—", { kind: "notApplicable" });
const num = (value: number): ObservationValue => ({ kind: "number", value });
const txt = (text: string): ObservationValue => ({ kind: "text", text });

/** A value on its way from `b0` toward `target` at pace `perf` (1 = exactly the time-elapsed line). */
function along(b0: number, target: number, perf: number, share: number, sd: number, rng: Rng): number {
  return b0 + (target - b0) * share * perf + (share === 0 ? 0 : rng.noise(sd));
}

/** Fund sizes scale with the jurisdiction (亿元). */
function fundScale(rng: Rng, level: JurisdictionLevel): number {
  const base = level === "province" ? 900 : level === "city" ? 70 : 7;
  return base * rng.between(0.5, 1.6);
}

/** A qualitative money indicator: numbers grow, and a person sometimes records a judgement. */
function qualitativeMoney(statement: string, growth: [number, number], judgements: readonly string[]) {
  return (rng: Rng, lvl: JurisdictionLevel): Instance => {
    const b0 = r2(fundScale(rng, lvl));
    const g = rng.between(growth[0], growth[1]);
    return {
      baseline: cell(`${b0}亿元`, level(b0, "亿元")),
      target: cell(statement, { kind: "qualitative", statement }),
      footnote: null,
      assessment: "endOfPeriod",
      observe: (offset, share) => {
        const out: SyntheticValue[] = [{ value: num(r2(b0 * (1 + g) ** offset * (1 + rng.noise(0.01)))) }];
        if (share > 0 && rng.chance(0.35)) out.push({ value: txt(rng.pick(judgements)) });
        return out;
      },
    };
  };
}

/** A % indicator with a numeric target reached along the time-elapsed line at a random pace. */
function paced(opts: {
  baseline: (rng: Rng) => number;
  target: (rng: Rng, b0: number) => { text: string; expr: SimpleTarget; value: number };
  baselineText?: (b0: number, rng: Rng) => ParsedCell;
  sd?: number;
  footnote?: (rng: Rng, target: number) => string | null;
  integer?: boolean;
  pct?: boolean;
}) {
  return (rng: Rng): Instance => {
    const b0 = r2(opts.baseline(rng));
    const tgt = opts.target(rng, b0);
    const perf = rng.between(0.55, 1.35);
    const sd = opts.sd ?? 0.5;
    const footnote = opts.footnote?.(rng, tgt.value) ?? null;
    const marks = footnote === null ? [] : ["①"];
    return {
      baseline: opts.baselineText?.(b0, rng) ?? cell(String(b0), level(b0)),
      target: cell(`${tgt.text}${footnote === null ? "" : "①"}`, tgt.expr, marks),
      footnote,
      assessment: assessmentRuleFromFootnote(footnote),
      observe: (_year, share) => {
        let v = along(b0, tgt.value, perf, share, sd, rng);
        if (opts.pct !== false) v = clampPct(v);
        return [{ value: num(opts.integer ? Math.max(0, Math.round(v)) : r2(v)) }];
      },
    };
  };
}

export const TEMPLATES: readonly Template[] = [
  {
    category: "参保覆盖",
    name: "基本医疗保险参保率",
    unit: "%",
    attribute: "binding",
    direction: "higher",
    definition: "参保人数/常住人口数",
    make: paced({
      baseline: (rng) => rng.between(94.5, 97.5),
      baselineText: (b0, rng) =>
        rng.chance(0.3) ? cell("95%以上", threshold("gte", 95, "%", false)) : cell(String(b0), level(b0)),
      target: (rng) => {
        const v = rng.pick([95, 96, 97]);
        return rng.chance(0.5)
          ? { text: `≥${v}%`, expr: threshold("gte", v, "%"), value: v + 0.3 }
          : { text: `${v}%以上`, expr: threshold("gte", v, "%"), value: v + 0.3 };
      },
      sd: 0.4,
      footnote: (rng, v) => {
        const t = Math.floor(v);
        const k = rng.next();
        if (k < 0.3) return `①指“十四五”期间基本医疗保险参保率每年保持在${t}%以上。`;
        if (k < 0.6) return `①指“十四五”期间基本医疗保险年均参保率保持在${t}%以上。`;
        return null;
      },
    }),
  },
  {
    category: "基金安全",
    name: "基本医疗保险（含生育保险）基金收入",
    unit: "亿元",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: qualitativeMoney(
      "收入规模与经济发展水平、筹资标准调整相适应",
      [0.02, 0.08],
      [
        "进展顺利：收入增长与经济发展水平相适应",
        "基本符合预期：筹资标准按规定调整",
        "进度滞后：参保人数下降导致收入增长放缓",
      ],
    ),
  },
  {
    category: "基金安全",
    name: "基本医疗保险（含生育保险）基金支出",
    unit: "亿元",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: qualitativeMoney(
      "支出规模与经济发展水平、群众医疗需求相适应",
      [0.03, 0.09],
      ["进展顺利：支出增长与医疗需求相适应", "基本符合预期：支出增速略高于收入增速"],
    ),
  },
  {
    category: "基金安全",
    name: "基本医疗保险（含生育保险）基金累计结余",
    unit: "亿元",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: qualitativeMoney(
      "保持合理水平",
      [-0.02, 0.06],
      ["进展顺利：累计结余可支付月数保持在6至9个月", "进度滞后：累计结余可支付月数低于6个月"],
    ),
  },
  {
    category: "保障水平",
    name: "职工医保政策范围内住院费用基金支付比例",
    unit: "%",
    attribute: "binding",
    direction: "band",
    definition: null,
    make: (rng) => {
      const b0 = r2(rng.between(75, 85));
      const drift = rng.between(-1.2, 1.2);
      return {
        baseline: cell(String(b0), level(b0)),
        target: cell("保持稳定", { kind: "maintain", halfWidth: null }),
        footnote: null,
        assessment: "endOfPeriod",
        observe: (_y, share) => [{ value: num(r2(b0 + drift * share + (share === 0 ? 0 : rng.noise(0.4)))) }],
      };
    },
  },
  {
    category: "保障水平",
    name: "城乡居民医保政策范围内住院费用基金支付比例",
    unit: "%",
    attribute: "binding",
    direction: "band",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(65, 71),
      target: () => ({ text: "70%左右", expr: band(70, "%"), value: 70 }),
      sd: 0.5,
    }),
  },
  {
    category: "保障水平",
    name: "重点救助对象政策范围内住院费用救助比例",
    unit: "%",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(64, 72),
      baselineText: (b0) => cell(String(b0), level(b0)),
      target: () => ({ text: ">70", expr: threshold("gt", 70, null), value: 71 }),
      sd: 0.8,
    }),
  },
  {
    category: "保障水平",
    name: "个人卫生支出占卫生总费用的比例",
    unit: "%",
    attribute: "binding",
    direction: "lower",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(27, 31),
      baselineText: (b0, rng) => (rng.chance(0.4) ? NONE : cell(String(b0), level(b0))),
      target: (rng) =>
        rng.chance(0.5)
          ? { text: "27", expr: level(27), value: 26.8 }
          : { text: "≤27%", expr: threshold("lte", 27, "%"), value: 26.8 },
      sd: 0.4,
    }),
  },
  {
    category: "精细管理",
    name: "实行按疾病诊断相关分组和按病种分值付费的住院费用占全部住院费用的比例",
    unit: "%",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(15, 40),
      baselineText: (b0, rng) => (rng.chance(0.3) ? NONE : cell(String(b0), level(b0))),
      target: (rng) => {
        const v = rng.pick([70, 75, 80]);
        return { text: String(v), expr: level(v), value: v };
      },
      sd: 2,
    }),
  },
  {
    category: "精细管理",
    name: "公立医疗机构通过省级集中采购平台采购药品和高值医用耗材金额占比",
    unit: "%",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: (rng) => {
      const drug0 = rng.between(70, 85);
      const dev0 = rng.between(40, 70);
      const perf = rng.between(0.6, 1.3);
      return {
        baseline: NONE,
        target: cell("药品达到90%、高值医用耗材达到80%", {
          kind: "compound",
          parts: [
            { subject: "药品", target: level(90, "%", "higher") },
            { subject: "高值医用耗材", target: level(80, "%", "higher") },
          ],
        }),
        footnote: null,
        assessment: "endOfPeriod",
        observe: (_y, share) => [
          { subject: "药品", value: num(r2(clampPct(along(drug0, 91, perf, share, 1, rng)))) },
          { subject: "高值医用耗材", value: num(r2(clampPct(along(dev0, 81, perf, share, 1.5, rng)))) },
        ],
      };
    },
  },
  {
    category: "精细管理",
    name: "落实国家和省组织药品集中带量采购品种",
    unit: "个",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: paced({
      baseline: (rng) => rng.int(90, 220),
      baselineText: (b0, rng) => (rng.chance(0.3) ? NONE : cell(String(b0), level(b0))),
      target: () => ({ text: ">500", expr: threshold("gt", 500, null), value: 520 }),
      sd: 15,
      integer: true,
      pct: false,
    }),
  },
  {
    category: "精细管理",
    name: "落实国家和省组织高值医用耗材集中带量采购品种",
    unit: "类",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: paced({
      baseline: (rng) => rng.int(2, 5),
      target: () => ({ text: "5类以上", expr: threshold("gte", 5, "类"), value: 6 }),
      sd: 0.5,
      integer: true,
      pct: false,
    }),
  },
  {
    category: "基金监管",
    name: "定点医药机构现场检查覆盖率",
    unit: "%",
    attribute: "binding",
    direction: "higher",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(70, 98),
      target: () => ({ text: "100%", expr: level(100, "%"), value: 100 }),
      sd: 1,
    }),
  },
  {
    category: "优质服务",
    name: "医保经办服务事项线上可办率",
    unit: "%",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(45, 80),
      baselineText: (b0, rng) => (rng.chance(0.4) ? NONE : cell(String(b0), level(b0))),
      target: () => ({ text: "90", expr: level(90), value: 90 }),
      sd: 2,
    }),
  },
  {
    category: "优质服务",
    name: "医保经办服务事项窗口可办率",
    unit: "%",
    attribute: "binding",
    direction: "higher",
    definition: null,
    make: (rng) => {
      const slip = rng.chance(0.15);
      return {
        baseline: cell("100", level(100)),
        target: cell("100%", level(100, "%")),
        footnote: null,
        assessment: "endOfPeriod",
        observe: (_y, share) => [
          { value: num(slip && share > 0 && rng.chance(0.5) ? r1(rng.between(97, 99.9)) : 100) },
        ],
      };
    },
  },
  {
    category: "优质服务",
    name: "住院费用跨省直接结算率",
    unit: "%",
    attribute: "expected",
    direction: "higher",
    definition: "住院费用跨省直接结算人次占全部住院跨省异地就医人次的比例",
    make: paced({
      baseline: (rng) => rng.between(35, 65),
      target: () => ({ text: ">70", expr: threshold("gt", 70, null), value: 72 }),
      sd: 2,
    }),
  },
  {
    category: "优质服务",
    name: "医疗保障经办服务满意率",
    unit: "%",
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(84, 93),
      target: () => ({ text: "95%以上", expr: threshold("gte", 95, "%"), value: 95.5 }),
      sd: 0.8,
    }),
  },
  {
    category: "制度建设",
    name: "基本医疗保险统筹层次",
    unit: null,
    attribute: "expected",
    direction: "higher",
    definition: null,
    make: (rng) => {
      const reachedIn = rng.int(1, 7); // years after the base; beyond the period: not reached
      return {
        baseline: cell("市级统筹", { kind: "milestone", steps: ["市级统筹"] }),
        target: cell("巩固市级统筹，适时推进省级统筹", {
          kind: "milestone",
          steps: ["巩固市级统筹", "适时推进省级统筹"],
        }),
        footnote: null,
        assessment: "endOfPeriod",
        observe: (offset, share) => {
          if (share === 0) return [];
          if (offset === reachedIn) return [{ value: txt("已达成：已实现基本医疗保险省级统筹") }];
          if (offset > reachedIn || !rng.chance(0.6)) return [];
          return [
            { value: txt(rng.pick(["进展顺利：省级统筹方案已报批", "进度滞后：省级统筹方案尚未出台"])) },
          ];
        },
      };
    },
  },
  {
    category: "优质服务",
    name: "医保电子凭证激活率",
    unit: "%",
    attribute: "expected",
    direction: "band",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(15, 50),
      target: () => ({ text: "80%左右", expr: band(80, "%"), value: 80 }),
      sd: 2.5,
    }),
  },
  {
    category: "精细管理",
    name: "参保人员住院次均费用增长率",
    unit: "%",
    attribute: "expected",
    direction: "lower",
    definition: null,
    make: paced({
      baseline: (rng) => rng.between(4, 9),
      target: () => ({ text: "≤5%", expr: threshold("lte", 5, "%"), value: 4.8 }),
      sd: 0.8,
    }),
  },
];
