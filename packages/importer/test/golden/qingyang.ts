import type { GoldenPlan } from "./types.ts";

const fn1 = "①指“十四五”期间基本医疗保险参保率每年保持在95%以上。";
// wrapped over lines 95 and 97 in the source
const fn2 = "②指到2025年本省国家和省级药品集中带量采购品种达500个以上。";
const fn3 = "③指到2025年本省国家和省级高值医用耗材集中带量采购品种达5类以上。";
const fn4 = "④指异地就医住院费用直接结算人次占全部住院异地就医人次的比例。";

/**
 * 青阳县 (anhui-qingyang-county.txt), Markdown export. Table: lines 75–91, "专栏1 …主要指标",
 * tab-separated, footnote marks as "<sup>①</sup>"; columns 类别 | 主要指标 | 2020年 | 2025年 |
 * 指标属性; notes ①–④ on lines 93–101.
 *
 * Outline (Markdown "#" levels are inconsistent, the numbering decides): 一、–四、 = 4; （一） entries
 * 2 + 3 + 3 + 4 = 12; level 3: "1."–"5." under 三（一） = 5, and the bold-led tasks of 三（二） (6:
 * 全面实行多元复合式医保支付 … 推进完善医药价格形成机制) and 三（三） (3: 发挥智慧医保平台作用, 优化医疗保障
 * 公共服务, 强化法治保障) = 9, so 14. Total 30. 专栏1 is the table; 专栏2 has 5 items.
 */
export const qingyang: GoldenPlan = {
  key: "anhui-qingyang-county",
  plan: {
    title: "青阳县“十四五”医疗保障事业发展规划纲要",
    issuer: "青阳县医疗保障局",
    documentNumber: "青医保办〔2022〕49号",
    issueDate: "2022-06-29",
    jurisdictionCode: "341723",
    jurisdictionName: "青阳县",
    status: "published",
  },
  rows: [
    {
      category: "参保覆盖",
      name: "基本医疗保险参保率",
      unit: "%",
      baseline: ">95",
      target: ">95 <sup>①</sup>",
      attribute: "binding",
      footnote: fn1,
    },
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金收入",
      unit: "亿元",
      baseline: "2.72",
      target: "收入规模与经济规模更加适应",
      attribute: "expected",
    },
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金支出",
      unit: "亿元",
      baseline: "2.69",
      target: "支出规模与经济发展水平、群众疾病健康需求相适应",
      attribute: "expected",
    },
    {
      category: "保障程度",
      name: "职工基本医疗保险政策范围内住院费用基金支付比例",
      unit: "%",
      baseline: "83.43",
      target: "保持稳定",
      attribute: "expected",
    },
    {
      category: "保障程度",
      name: "城乡居民基本医疗保险政策范围内住院费用基金支付比例(含大病保险)",
      unit: "%",
      baseline: "70.58",
      target: "保持稳定",
      attribute: "expected",
    },
    {
      category: "保障程度",
      name: "重点救助对象符合规定的医疗费用住院救助比例",
      unit: "%",
      baseline: "70",
      target: "≥70",
      attribute: "expected",
    },
    {
      category: "保障程度",
      name: "个人卫生支出占卫生总费用的比例",
      unit: "%",
      baseline: "-",
      target: "27",
      attribute: "binding",
    },
    {
      category: "精细管理",
      name: "实行按疾病诊断相关分组和按病种付费的住院费用占全部住院费用的比例",
      unit: "%",
      baseline: "27.4",
      target: "70",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "公立医疗机构通过省级集中采购平台采购药品金额占全部采购药品(不含中药饮片)金额的比例",
      unit: "%",
      baseline: "-",
      target: "90",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "公立医疗机构通过省级集中采购平台采购高值医用耗材金额占全部采购高值医用耗材金额的比例",
      unit: "%",
      baseline: "-",
      target: "80",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "药品集中带量采购品种",
      unit: "个",
      baseline: "-",
      target: ">500 <sup>②</sup>",
      attribute: "expected",
      footnote: fn2,
    },
    {
      category: "精细管理",
      name: "高值医用耗材集中带量采购品种",
      unit: "类",
      baseline: "4",
      target: ">5 <sup>③</sup>",
      attribute: "expected",
      footnote: fn3,
    },
    {
      category: "优质服务",
      name: "异地就医住院费用直接结算率",
      unit: "%",
      baseline: "-",
      target: ">70",
      attribute: "expected",
      footnote: fn4,
    },
    {
      category: "优质服务",
      name: "医疗保障政务服务事项线上可办率",
      unit: "%",
      baseline: "71",
      target: "90",
      attribute: "expected",
    },
    {
      category: "优质服务",
      name: "医疗保障政务服务事项窗口可办率",
      unit: "%",
      baseline: "100",
      target: "100",
      attribute: "binding",
    },
  ],
  outline: { 1: 4, 2: 12, 3: 14 },
  projects: { 专栏2: 5 },
};
