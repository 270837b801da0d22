import type { GoldenPlan } from "./types.ts";

/**
 * 南阳市 (henan-nanyang-city.txt). Table: lines 95–114, tab-separated, columns 指标维度 | 主要指标 |
 * 2025 年 | 指标属性 — no baseline column, so every baseline is empty (not applicable). Row 106
 * carries "预期性" in the target column (a shifted cell in the source; reported as a warning).
 *
 * Outline (no table of contents): 一、–十、 = 10; （一） entries 2 + 3 + 7 + 4 + 4 + 4 + 5 + 4 + 5 + 6
 * = 44 (under 一 … 十); "1." entries outside 专栏 boxes: 5 (一（一）) + 7 (基本原则) + 4 (发展目标)
 * = 16. Total 70.
 * 专栏1–7: 2 (two items run together on line 144), 4 (the first unnumbered, then 2.–4.),
 * 6 (all on line 258), 3, 3 (all on line 354), 6 (1.–4. on line 360, item 4 continued on line 362
 * after a page break, 5. and 6.), 3 (line 386) = 27.
 */
export const nanyang: GoldenPlan = {
  key: "henan-nanyang-city",
  plan: {
    title: "南阳市“十四五”医疗保障发展规划",
    issuer: "南阳市医疗保障局",
    documentNumber: "宛医保〔2023〕19号",
    issueDate: null,
    jurisdictionCode: "411300",
    jurisdictionName: "南阳市",
    status: "published",
  },
  rows: [
    {
      category: "覆盖全面",
      name: "基本医疗保险参保率",
      unit: "%",
      baseline: "",
      target: "≥97%",
      attribute: "binding",
    },
    {
      category: "安全持续",
      name: "基本医疗保险(含生育保险)基金收入",
      unit: "亿元",
      baseline: "",
      target: "收入规模与经济规模更加适应",
      attribute: "expected",
    },
    {
      category: "安全持续",
      name: "基本医疗保险(含生育保险)基金支出",
      unit: "亿元",
      baseline: "",
      target: "支出规模与经济发展水平、群众疾病健康需求相适应",
      attribute: "expected",
    },
    {
      category: "安全持续",
      name: "基本医疗保险基金累计结余",
      unit: "亿元",
      baseline: "",
      target: "保持在合理水平",
      attribute: "expected",
    },
    {
      category: "统筹层次",
      name: "基金统筹",
      unit: null,
      baseline: "",
      target: "省级统筹",
      attribute: "expected",
    },
    {
      category: "保障有力",
      name: "职工基本医疗保险政策范围内住院费用基金支付比例",
      unit: "%",
      baseline: "",
      target: "保持稳定",
      attribute: "expected",
    },
    {
      category: "保障有力",
      name: "城乡居民基本医疗保险政策范围内住院费用基金支付比例",
      unit: "%",
      baseline: "",
      target: "保持稳定",
      attribute: "expected",
    },
    {
      category: "保障有力",
      name: "重点救助对象符合规定的住院医疗费用救助比例",
      unit: "%",
      baseline: "",
      target: "70",
      attribute: "expected",
    },
    {
      category: "保障有力",
      name: "职工医疗互助参与人次",
      unit: "万人次",
      baseline: "",
      target: "预期性",
      attribute: "expected",
    },
    {
      category: "精细高效",
      name: "实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例",
      unit: "%",
      baseline: "",
      target: "70",
      attribute: "expected",
    },
    {
      category: "精细高效",
      name: "公立医疗机构通过省级集中采购平台采购药品金额占全部采购药品(不含中药饮片)金额的比例",
      unit: "%",
      baseline: "",
      target: "90",
      attribute: "expected",
    },
    {
      category: "精细高效",
      name: "公立医疗机构通过省级集中采购平台采购高值医用耗材金额占全部采购高值医用耗材金额的比例",
      unit: "%",
      baseline: "",
      target: "80",
      attribute: "expected",
    },
    {
      category: "精细高效",
      name: "药品集中带量采购品种",
      unit: "个",
      baseline: "",
      target: ">500",
      attribute: "expected",
    },
    {
      category: "精细高效",
      name: "高值医用耗材集中带量采购品种",
      unit: "类",
      baseline: "",
      target: ">5",
      attribute: "expected",
    },
    {
      category: "优质便捷",
      name: "住院费用跨省直接结算率",
      unit: "%",
      baseline: "",
      target: "≥80",
      attribute: "expected",
    },
    {
      category: "优质便捷",
      name: "医疗保障政务服务事项线上可办率",
      unit: "%",
      baseline: "",
      target: "≥90",
      attribute: "expected",
    },
    {
      category: "优质便捷",
      name: "医疗保障政务服务事项窗口可办率",
      unit: "%",
      baseline: "",
      target: "100",
      attribute: "binding",
    },
  ],
  outline: { 1: 10, 2: 44, 3: 16 },
  projects: { 专栏1: 2, 专栏2: 4, 专栏3: 6, 专栏4: 3, 专栏5: 3, 专栏6: 6, 专栏7: 3 },
};
