/**
 * Every baseline and target cell of the five sample plans' main-indicator tables, copied from
 * packages/samples/plans, with the typed expression it must parse to.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TargetExpression } from "../../src/target/expression.ts";
import { parseTargetCell } from "../../src/target/parse.ts";
import { renderTarget } from "../../src/target/render.ts";
import { band, compound, gt, gte, level, maintain, milestone, na, qualitative } from "./builders.ts";

type Plan =
  | "hubei-huangshi-city"
  | "henan-nanyang-city"
  | "guangdong-heshan-city"
  | "hunan-province"
  | "anhui-qingyang-county";
type Column = "baseline" | "target" | "definition";

interface Row {
  readonly plan: Plan;
  readonly indicator: string;
  readonly column: Column;
  readonly text: string;
  readonly expected: TargetExpression;
  readonly marks?: readonly string[];
}

const hb: Plan = "hubei-huangshi-city";
const ny: Plan = "henan-nanyang-city";
const hs: Plan = "guangdong-heshan-city";
const hn: Plan = "hunan-province";
const qy: Plan = "anhui-qingyang-county";

const row = (
  plan: Plan,
  indicator: string,
  column: Column,
  text: string,
  expected: TargetExpression,
  marks: readonly string[] = [],
): Row => ({ plan, indicator, column, text, expected, marks });

const cells: readonly Row[] = [
  // 黄石市 专栏1 (tab-separated, 2020 then 2025)
  row(hb, "基本医疗保险参保率", "baseline", "95%以上", gte(95, "%")),
  row(hb, "基本医疗保险参保率", "target", "96%以上 ^①", gte(96, "%"), ["①"]),
  row(hb, "基金收入", "baseline", "33.6 亿元", level(33.6, "亿元")),
  row(
    hb,
    "基金收入",
    "target",
    "收入规模与经济发展水平、筹资标准调整相适应",
    qualitative("收入规模与经济发展水平、筹资标准调整相适应"),
  ),
  row(hb, "基金支出", "baseline", "32.2 亿元", level(32.2, "亿元")),
  row(
    hb,
    "基金支出",
    "target",
    "支出规模与经济发展水平、群众医疗需求相适应",
    qualitative("支出规模与经济发展水平、群众医疗需求相适应"),
  ),
  row(hb, "基金累计结余", "baseline", "41.6 亿元", level(41.6, "亿元")),
  row(hb, "基金累计结余", "target", "保持合理水平", qualitative("保持合理水平")),
  row(hb, "职工医保住院报销比例", "baseline", "75.6", level(75.6)),
  row(hb, "职工医保住院报销比例", "target", "76.0", level(76)),
  row(hb, "城乡居民医保住院报销比例", "baseline", "69.3", level(69.3)),
  row(hb, "城乡居民医保住院报销比例", "target", "70.0", level(70)),
  row(hb, "重点救助对象救助比例", "baseline", ">70", gt(70)),
  row(hb, "重点救助对象救助比例", "target", ">70", gt(70)),
  row(hb, "DIP和按病种付费占比", "baseline", "—", na),
  row(hb, "DIP和按病种付费占比", "target", "75", level(75)),
  row(hb, "省平台采购药品金额占比", "baseline", "75%左右", band(75, "%")),
  row(hb, "省平台采购药品金额占比", "target", "90", level(90)),
  row(hb, "省平台采购高值耗材金额占比", "baseline", "—", na),
  row(hb, "省平台采购高值耗材金额占比", "target", "80", level(80)),
  row(hb, "药品集采品种", "baseline", "112", level(112)),
  row(hb, "药品集采品种", "target", ">500 ^②", gt(500), ["②"]),
  row(hb, "高值耗材集采品种", "baseline", "—", na),
  row(hb, "高值耗材集采品种", "target", ">5 ^③", gt(5), ["③"]),
  row(hb, "线上可办率", "baseline", "—", na),
  row(hb, "线上可办率", "target", "100%", level(100, "%")),
  row(hb, "窗口可办率", "baseline", "—", na),
  row(hb, "窗口可办率", "target", "100%", level(100, "%")),
  row(hb, "跨省直接结算率", "baseline", "—", na),
  row(hb, "跨省直接结算率", "target", "80%", level(80, "%")),
  row(hb, "经办服务满意率", "baseline", "—", na),
  row(hb, "经办服务满意率", "target", "95%", level(95, "%")),

  // 南阳市 (no baseline column)
  row(ny, "基本医疗保险参保率", "target", "≥97%", gte(97, "%")),
  row(ny, "基金收入", "target", "收入规模与经济规模更加适应", qualitative("收入规模与经济规模更加适应")),
  row(
    ny,
    "基金支出",
    "target",
    "支出规模与经济发展水平、群众疾病健康需求相适应",
    qualitative("支出规模与经济发展水平、群众疾病健康需求相适应"),
  ),
  row(ny, "基金累计结余", "target", "保持在合理水平", qualitative("保持在合理水平")),
  row(ny, "基金统筹", "target", "省级统筹", milestone("省级统筹")),
  row(ny, "职工住院基金支付比例", "target", "保持稳定", maintain()),
  row(ny, "居民住院基金支付比例", "target", "保持稳定", maintain()),
  row(ny, "重点救助对象救助比例", "target", "70", level(70)),
  row(ny, "DRG和按病种付费占比", "target", "70", level(70)),
  row(ny, "省平台采购药品金额占比", "target", "90", level(90)),
  row(ny, "省平台采购高值耗材金额占比", "target", "80", level(80)),
  row(ny, "药品集采品种", "target", ">500", gt(500)),
  row(ny, "高值耗材集采品种", "target", ">5", gt(5)),
  row(ny, "跨省直接结算率", "target", "≥80", gte(80)),
  row(ny, "线上可办率", "target", "≥90", gte(90)),
  row(ny, "窗口可办率", "target", "100", level(100)),

  // 鹤山市 (one cell per line)
  row(hs, "基本医疗保险参保率", "baseline", ">95%", gt(95, "%")),
  row(hs, "基本医疗保险参保率", "target", ">95%", gt(95, "%")),
  row(hs, "基金收入", "baseline", "72954.2", level(72954.2)),
  row(
    hs,
    "基金收入",
    "target",
    "收入规模与经济社会发展水平更加适应",
    qualitative("收入规模与经济社会发展水平更加适应"),
  ),
  row(hs, "基金支出", "baseline", "66119.68", level(66119.68)),
  row(
    hs,
    "基金支出",
    "target",
    "支出规模与经济社会发展水平、群众基本医疗需求更加适应",
    qualitative("支出规模与经济社会发展水平、群众基本医疗需求更加适应"),
  ),
  row(hs, "职工住院基金支付比例", "baseline", "85", level(85)),
  row(hs, "职工住院基金支付比例", "target", "保持稳定", maintain()),
  row(hs, "居民住院基金支付比例", "baseline", "75", level(75)),
  row(hs, "居民住院基金支付比例", "target", "保持稳定", maintain()),
  row(hs, "重点救助对象救助比例", "baseline", "80", level(80)),
  row(hs, "重点救助对象救助比例", "target", "保持稳定", maintain()),
  row(hs, "DRG和按病种付费占比", "baseline", ">85", gt(85)),
  row(hs, "DRG和按病种付费占比", "target", "90", level(90)),
  row(hs, "省平台采购药品金额占比", "baseline", "80", level(80)),
  row(hs, "省平台采购药品金额占比", "target", "90", level(90)),
  row(hs, "省平台采购高值耗材金额占比", "baseline", "-", na),
  row(hs, "省平台采购高值耗材金额占比", "target", "80", level(80)),
  row(hs, "药品集采品种", "baseline", "112", level(112)),
  row(hs, "药品集采品种", "target", ">500", gt(500)),
  row(hs, "高值耗材集采品种", "baseline", "1", level(1)),
  row(hs, "高值耗材集采品种", "target", ">5", gt(5)),
  row(hs, "跨省直接结算率", "baseline", "-", na),
  row(hs, "跨省直接结算率", "target", ">70", gt(70)),
  row(hs, "省内直接结算率", "baseline", "80", level(80)),
  row(hs, "省内直接结算率", "target", "90", level(90)),
  row(hs, "线上可办率", "baseline", "-", na),
  row(hs, "线上可办率", "target", "80", level(80)),
  row(hs, "窗口可办率", "baseline", "-", na),
  row(hs, "窗口可办率", "target", "100", level(100)),

  // 湖南省 (traditional; one cell per line; 2025 before 2020; cells wrap over lines)
  row(hn, "基本醫療保險參保率", "target", "95%以上", gte(95, "%")),
  row(hn, "基本醫療保險參保率", "baseline", "95%以上", gte(95, "%")),
  row(hn, "基金收入", "target", "收入規模與經濟規模更加適應", qualitative("收入规模与经济规模更加适应")),
  row(hn, "基金收入", "baseline", "890億元", level(890, "亿元")),
  row(
    hn,
    "基金支出",
    "target",
    "支出規模與經濟發展水平、群眾疾病健康需求相適應",
    qualitative("支出规模与经济发展水平、群众疾病健康需求相适应"),
  ),
  row(hn, "基金支出", "baseline", "810億元", level(810, "亿元")),
  row(hn, "基金累計結余", "target", "保持在合理水平", qualitative("保持在合理水平")),
  row(hn, "基金累計結余", "baseline", "90億元", level(90, "亿元")),
  row(hn, "職工醫保住院報銷比例", "target", "穩定在80%左右", band(80, "%", true)),
  row(hn, "職工醫保住院報銷比例", "baseline", "82.27%", level(82.27, "%")),
  row(hn, "居民醫保住院報銷比例", "target", "穩定在70%左右", band(70, "%", true)),
  row(hn, "居民醫保住院報銷比例", "baseline", "72.04%", level(72.04, "%")),
  row(hn, "重點救助對象住院救助比例", "target", "70%左右", band(70, "%")),
  row(hn, "重點救助對象住院救助比例", "baseline", "/", na),
  row(hn, "按病種付費費用占比", "target", "70%左右", band(70, "%")),
  row(hn, "按病種付費費用占比", "baseline", "/", na),
  row(
    hn,
    "省平臺線上采購率",
    "target",
    "藥品達到90%、高值醫用耗材達到80%",
    compound(["药品", level(90, "%")], ["高值医用耗材", level(80, "%")]),
  ),
  row(hn, "省平臺線上采購率", "baseline", "80%", level(80, "%")),
  row(
    hn,
    "集中帶量采購品種",
    "target",
    "藥品500個品種以上,高值醫用耗材5類以上",
    compound(["药品", gte(500, "个")], ["高值医用耗材", gte(5, "类")]),
  ),
  row(
    hn,
    "集中帶量采購品種",
    "baseline",
    "藥品112個品種、高值醫用耗材1類",
    compound(["药品", level(112, "个")], ["高值医用耗材", level(1, "类")]),
  ),
  row(
    hn,
    "基本醫療保險統籌層次",
    "definition",
    "以長株潭地區為試點,逐步實現基本醫療保險省級統籌",
    milestone("以长株潭地区为试点", "逐步实现基本医疗保险省级统筹"),
  ),
  row(
    hn,
    "基本醫療保險統籌層次",
    "target",
    "鞏固市級統籌\n適時推進\n省級統籌",
    milestone("巩固市级统筹", "适时推进省级统筹"),
  ),
  row(hn, "基本醫療保險統籌層次", "baseline", "市級\n統籌", milestone("市级统筹")),
  row(hn, "政務服務滿意率", "target", "85%以上", gte(85, "%")),
  row(hn, "政務服務滿意率", "baseline", "/", na),
  row(hn, "線上可辦率", "target", "80%", level(80, "%")),
  row(hn, "線上可辦率", "baseline", "/", na),
  row(hn, "窗口可辦率", "target", "100%", level(100, "%")),
  row(hn, "窗口可辦率", "baseline", "/", na),

  // 青阳县 专栏1 (tab-separated, <sup> markers)
  row(qy, "基本医疗保险参保率", "baseline", ">95", gt(95)),
  row(qy, "基本医疗保险参保率", "target", ">95 <sup>①</sup>", gt(95), ["①"]),
  row(qy, "基金收入", "baseline", "2.72", level(2.72)),
  row(qy, "基金收入", "target", "收入规模与经济规模更加适应", qualitative("收入规模与经济规模更加适应")),
  row(qy, "基金支出", "baseline", "2.69", level(2.69)),
  row(
    qy,
    "基金支出",
    "target",
    "支出规模与经济发展水平、群众疾病健康需求相适应",
    qualitative("支出规模与经济发展水平、群众疾病健康需求相适应"),
  ),
  row(qy, "职工住院基金支付比例", "baseline", "83.43", level(83.43)),
  row(qy, "职工住院基金支付比例", "target", "保持稳定", maintain()),
  row(qy, "居民住院基金支付比例", "baseline", "70.58", level(70.58)),
  row(qy, "居民住院基金支付比例", "target", "保持稳定", maintain()),
  row(qy, "重点救助对象救助比例", "baseline", "70", level(70)),
  row(qy, "重点救助对象救助比例", "target", "≥70", gte(70)),
  row(qy, "个人卫生支出占比", "baseline", "-", na),
  row(qy, "个人卫生支出占比", "target", "27", level(27)),
  row(qy, "DRG和按病种付费占比", "baseline", "27.4", level(27.4)),
  row(qy, "DRG和按病种付费占比", "target", "70", level(70)),
  row(qy, "省平台采购药品金额占比", "baseline", "-", na),
  row(qy, "省平台采购药品金额占比", "target", "90", level(90)),
  row(qy, "省平台采购高值耗材金额占比", "baseline", "-", na),
  row(qy, "省平台采购高值耗材金额占比", "target", "80", level(80)),
  row(qy, "药品集采品种", "baseline", "-", na),
  row(qy, "药品集采品种", "target", ">500 <sup>②</sup>", gt(500), ["②"]),
  row(qy, "高值耗材集采品种", "baseline", "4", level(4)),
  row(qy, "高值耗材集采品种", "target", ">5 <sup>③</sup>", gt(5), ["③"]),
  row(qy, "异地就医住院费用直接结算率", "baseline", "-", na),
  row(qy, "异地就医住院费用直接结算率", "target", ">70", gt(70)),
  row(qy, "线上可办率", "baseline", "71", level(71)),
  row(qy, "线上可办率", "target", "90", level(90)),
  row(qy, "窗口可办率", "baseline", "100", level(100)),
  row(qy, "窗口可办率", "target", "100", level(100)),
];

/**
 * Nanyang's 职工医疗互助参与人次 row has "预期性" in its 2025 column: the attribute, repeated where a
 * target should be. The plan states no target there, so the parser reports it as unrecognised
 * with a reason that names the shifted cell; the importer shows that as a warning to check.
 */
const shiftedAttributeCell = { plan: ny, indicator: "职工医疗互助参与人次", text: "预期性" } as const;

const planFields = new Map<Plan, ReadonlySet<string>>();
function fieldsOf(plan: Plan): ReadonlySet<string> {
  let fields = planFields.get(plan);
  if (!fields) {
    const url = new URL(`../../../samples/plans/${plan}.txt`, import.meta.url);
    const lines = readFileSync(url, "utf8").split(/\r?\n/);
    fields = new Set(lines.flatMap((line) => line.split("\t").map((field) => field.trim())));
    planFields.set(plan, fields);
  }
  return fields;
}

describe("sample plan cells", () => {
  it("covers every table cell of the five plans", () => {
    const perPlan = (plan: Plan) => cells.filter((c) => c.plan === plan).length;
    expect([perPlan(hb), perPlan(ny), perPlan(hs), perPlan(hn), perPlan(qy)]).toEqual([32, 16, 30, 29, 30]);
  });

  it.each(cells)("$plan $indicator $column: $text", ({ plan, text, expected, marks }) => {
    // The text is copied from the plan: every line of it is a cell there.
    for (const line of text.split("\n")) expect(fieldsOf(plan).has(line)).toBe(true);
    const cell = parseTargetCell(text);
    expect(cell.text).toBe(text);
    expect(cell.expression).toEqual(expected);
    expect(cell.footnoteMarks).toEqual(marks);
  });

  it("recognises every cell and renders each back to text that parses the same", () => {
    for (const { text } of cells) {
      const { expression } = parseTargetCell(text);
      expect(expression.kind).not.toBe("unrecognised");
      expect(parseTargetCell(renderTarget(expression)).expression).toEqual(expression);
    }
  });

  it("reports Nanyang's shifted attribute cell as unrecognised, naming the reason", () => {
    expect(fieldsOf(shiftedAttributeCell.plan).has(shiftedAttributeCell.text)).toBe(true);
    const { expression } = parseTargetCell(shiftedAttributeCell.text);
    expect(expression.kind).toBe("unrecognised");
    if (expression.kind === "unrecognised") expect(expression.reason).toContain("指标属性");
  });
});
