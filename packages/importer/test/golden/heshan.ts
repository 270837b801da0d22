import type { GoldenPlan } from "./types.ts";

/**
 * 鹤山市 (guangdong-heshan-city.txt), draft for comment. Table: lines 84–180, one cell per line
 * (tab-indented), blank line between rows, continuation rows with an empty ("\t") category cell;
 * columns 类别 | 主要指标 | 2020年 | 2025年 | 属性.
 *
 * Outline (body from line 41; the 目录 on lines 19–39 lists 一、–四、 and their （一）): 一、–四、 = 4;
 * （一） entries 3 + 4 + 6 + 3 = 16; "1." entries: 面临的挑战 4, 基本原则 4, 主要目标 6, 重点任务's six
 * sections 3 + 2 + 5 + 4 + 4 + 3 = 21, 保障措施 4 + 3 = 7 → 42. Total 62. No 专栏.
 */
export const heshan: GoldenPlan = {
  key: "guangdong-heshan-city",
  plan: {
    title: "鹤山市医疗保障事业发展“十四五”规划",
    issuer: null,
    documentNumber: null,
    issueDate: null,
    jurisdictionCode: "440784",
    jurisdictionName: "鹤山市",
    status: "draft",
  },
  rows: [
    {
      category: "参保覆盖",
      name: "基本医疗保险参保率",
      unit: "%",
      baseline: ">95%",
      target: ">95%",
      attribute: "binding",
    },
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金收入",
      unit: "万元",
      baseline: "72954.2",
      target: "收入规模与经济社会发展水平更加适应",
      attribute: "expected",
    },
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金支出",
      unit: "万元",
      baseline: "66119.68",
      target: "支出规模与经济社会发展水平、群众基本医疗需求更加适应",
      attribute: "expected",
    },
    {
      category: "保障程度",
      name: "职工基本医疗保险政策范围内住院费用基金支付比例",
      unit: "%",
      baseline: "85",
      target: "保持稳定",
      attribute: "expected",
    },
    {
      category: "保障程度",
      name: "城乡居民基本医疗保险政策范围内住院费用基金支付比例",
      unit: "%",
      baseline: "75",
      target: "保持稳定",
      attribute: "expected",
    },
    {
      category: "保障程度",
      name: "重点救助对象符合规定的住院医疗费用救助比例",
      unit: "%",
      baseline: "80",
      target: "保持稳定",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例",
      unit: "%",
      baseline: ">85",
      target: "90",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "公立医疗机构通过省级集中采购平台采购药品金额占全部采购药品(不含中药饮片)金额的比例",
      unit: "%",
      baseline: "80",
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
      baseline: "112",
      target: ">500",
      attribute: "expected",
    },
    {
      category: "精细管理",
      name: "高值医用耗材集中带量采购品种",
      unit: "类",
      baseline: "1",
      target: ">5",
      attribute: "expected",
    },
    {
      category: "优质服务",
      name: "住院费用跨省直接结算率",
      unit: "%",
      baseline: "-",
      target: ">70",
      attribute: "expected",
    },
    {
      category: "优质服务",
      name: "住院费用省内直接结算率",
      unit: "%",
      baseline: "80",
      target: "90",
      attribute: "expected",
    },
    {
      category: "优质服务",
      name: "医疗保障政务服务事项线上可办率",
      unit: "%",
      baseline: "-",
      target: "80",
      attribute: "expected",
    },
    {
      category: "优质服务",
      name: "医疗保障政务服务事项窗口可办率",
      unit: "%",
      baseline: "-",
      target: "100",
      attribute: "binding",
    },
  ],
  outline: { 1: 4, 2: 16, 3: 42 },
  projects: {},
};
