import type { GoldenPlan } from "./types.ts";

const fn1 = "①指“十四五”期间基本医疗保险年均参保率保持在96%以上。";
const fn2 = "②指到2025年落实国家和省药品集中带量采购品种达500个以上。";
const fn3 = "③指到2025年落实国家和省高值医用耗材集中带量采购品种达到5个以上。";
const fn4 = "④指住院费用跨省直接结算人次占全部住院跨省异地就医人次的比例。";

/**
 * 黄石市 (hubei-huangshi-city.txt). Table: lines 205–222, "专栏1 …主要指标与预期目标", tab-separated,
 * columns 项目 | 主要指标 | 2020 年 | 2025 年 | 指标属性; notes ①–④ on lines 224–230.
 *
 * Outline, counted in the body (lines 77–441; the 目录 on lines 15–73 repeats every heading):
 * 第一章–第四章 = 4 chapters; sections 3 + 3 + 4 + 5 = 15 (第X节); "一、" entries: 基本原则 6,
 * 主要目标 6, and 6 in each of 第三章's four sections = 36.
 * 专栏: 专栏1 is the indicator table (not a project); 专栏2–11 have 6, 4, 6, 5, 4, 5, 4, 5, 3, 6 items
 * ("- (n)" lines for 2, 3, 6, 10; "<p>(n) …</p>" runs for 4, 5, 7, 8, 9, 11) = 48.
 */
export const huangshi: GoldenPlan = {
  key: "hubei-huangshi-city",
  plan: {
    title: "黄石市医疗保障事业发展“十四五”规划",
    issuer: "黄石市医疗保障局",
    documentNumber: "黄医保发〔2022〕15号",
    issueDate: "2022-06-24",
    jurisdictionCode: "420200",
    jurisdictionName: "黄石市",
    status: "published",
  },
  rows: [
    {
      category: "参保覆盖",
      name: "基本医疗保险参保率",
      unit: "%",
      baseline: "95%以上",
      target: "96%以上 ^①",
      attribute: "binding",
      footnote: fn1,
    },
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金收入",
      unit: "亿元",
      baseline: "33.6 亿元",
      target: "收入规模与经济发展水平、筹资标准调整相适应",
      attribute: "expected",
    },
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金支出",
      unit: "亿元",
      baseline: "32.2 亿元",
      target: "支出规模与经济发展水平、群众医疗需求相适应",
      attribute: "expected",
    },
    // no unit in the name: taken from the value "41.6 亿元"
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金累计结余",
      unit: "亿元",
      baseline: "41.6 亿元",
      target: "保持合理水平",
      attribute: "expected",
    },
    {
      category: "保障水平",
      name: "职工医保政策范围内住院费用报销比例",
      unit: "%",
      baseline: "75.6",
      target: "76.0",
      attribute: "binding",
    },
    {
      category: "保障水平",
      name: "城乡居民医保政策范围内住院费用报销比例",
      unit: "%",
      baseline: "69.3",
      target: "70.0",
      attribute: "binding",
    },
    {
      category: "保障水平",
      name: "重点救助对象政策范围内住院费用救助比例",
      unit: "%",
      baseline: ">70",
      target: ">70",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "实行DIP付费和按病种付费的住院费用占全部住院费用的比例",
      unit: "%",
      baseline: "—",
      target: "75",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "公立医疗机构通过省级集中采购平台采购药品金额占全部采购药品(不含中药饮片)金额的比例",
      unit: "%",
      baseline: "75%左右",
      target: "90",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "公立医疗机构通过省级集中采购平台采购高值医用耗材金额占全部采购高值医用耗材金额的比例",
      unit: "%",
      baseline: "—",
      target: "80",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "落实国家和省组织药品集中带量采购品种",
      unit: "个",
      baseline: "112",
      target: ">500 ^②",
      attribute: "expected",
      footnote: fn2,
    },
    // the document writes （个）; consumables are counted in classes, normalised to 类 (with a warning)
    {
      category: "精细管理",
      name: "落实国家和省组织高值医用耗材集中带量采购品种",
      unit: "类",
      baseline: "—",
      target: ">5 ^③",
      attribute: "expected",
      footnote: fn3,
    },
    {
      category: "优质服务",
      name: "医保经办服务事项线上可办率",
      unit: "%",
      baseline: "—",
      target: "100%",
      attribute: "expected",
    },
    {
      category: "优质服务",
      name: "医保经办服务事项窗口可办率",
      unit: "%",
      baseline: "—",
      target: "100%",
      attribute: "binding",
    },
    // the mark sits in the name: "住院费用跨省直接结算率 ^④ （%）"
    {
      category: "优质服务",
      name: "住院费用跨省直接结算率",
      unit: "%",
      baseline: "—",
      target: "80%",
      attribute: "expected",
      footnote: fn4,
    },
    {
      category: "优质服务",
      name: "医疗保障经办服务满意率",
      unit: "%",
      baseline: "—",
      target: "95%",
      attribute: "expected",
    },
  ],
  outline: { 1: 4, 2: 15, 3: 36 },
  projects: {
    专栏2: 6,
    专栏3: 4,
    专栏4: 6,
    专栏5: 5,
    专栏6: 4,
    专栏7: 5,
    专栏8: 4,
    专栏9: 5,
    专栏10: 3,
    专栏11: 6,
  },
};
