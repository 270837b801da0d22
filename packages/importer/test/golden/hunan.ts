import type { GoldenPlan } from "./types.ts";

/**
 * 湖南省 (hunan-province.txt), traditional characters, a web page's copy. Table: lines 283–458,
 * every cell alone on a line with a blank line between cells; an extra blank line is an empty
 * cell (the 指標說明 of 醫療保障政務服務滿意率, lines 432–433); wrapped cells ("基本醫療保險" /
 * "參保率", "優質" / "服務", "鞏固市級統籌" / "適時推進" / "省級統籌", "市級" / "統籌"); the category
 * given once per group; columns 指標維度 | 主要指標 | 指標說明 | 2025年 | 2020年 | 指標屬性 — the
 * target column comes before the baseline column.
 *
 * Outline (body from line 157; lines 7–151 list the same headings without page numbers): 一、–四、
 * = 4; （一） entries 3 + 3 + 9 + 7 = 22; "1." entries 5 + 4 + 5 under 規劃背景 and 1.–33. under
 * 主要任務 = 47. Total 73. One box, 專欄9, with six "l"-bulleted items (Wingdings bullets).
 */
export const hunan: GoldenPlan = {
  key: "hunan-province",
  plan: {
    title: "湖南省医疗保障“十四五”发展规划",
    issuer: "湖南省医疗保障局",
    documentNumber: null,
    // the signature's date; the page's 發布時間 2025-03-21 is when 怀化市 reposted it
    issueDate: "2021-09-23",
    jurisdictionCode: "430000",
    jurisdictionName: "湖南省",
    status: "published",
  },
  rows: [
    {
      category: "参保覆盖",
      name: "基本医疗保险参保率",
      unit: "%",
      baseline: "95%以上",
      target: "95%以上",
      attribute: "binding",
      definition: "全省参保人数/全省常住人口数",
    },
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金收入",
      unit: "亿元",
      baseline: "890億元",
      target: "收入規模與經濟規模更加適應",
      attribute: "expected",
      definition: null,
    },
    {
      category: "基金安全",
      name: "基本医疗保险(含生育保险)基金支出",
      unit: "亿元",
      baseline: "810億元",
      target: "支出規模與經濟發展水平、群眾疾病健康需求相適應",
      attribute: "expected",
      definition: null,
    },
    {
      category: "基金安全",
      name: "基本医疗保险基金累计结余",
      unit: "亿元",
      baseline: "90億元",
      target: "保持在合理水平",
      attribute: "expected",
      definition: null,
    },
    {
      category: "保障程度",
      name: "职工医保住院费用政策范围内报销比例",
      unit: "%",
      baseline: "82.27%",
      target: "穩定在80%左右",
      attribute: "binding",
      definition: "职工医保住院实际报销费用/政策范围内住院总医疗费用",
    },
    {
      category: "保障程度",
      name: "居民医保住院费用政策范围内报销比例(含大病保险)",
      unit: "%",
      baseline: "72.04%",
      target: "穩定在70%左右",
      attribute: "binding",
      definition: "居民医保住院实际报销费用/政策范围内住院总医疗费用",
    },
    {
      category: "保障程度",
      name: "重点救助对象符合规定的医疗费用住院救助比例",
      unit: "%",
      baseline: "/",
      target: "70%左右",
      attribute: "expected",
      definition: null,
    },
    {
      category: "精细管理",
      name: "住院费用按疾病诊断相关分组或按病种付费费用占住院费用的比例",
      unit: "%",
      baseline: "/",
      target: "70%左右",
      attribute: "expected",
      definition: "住院费用按疾病诊断相关分组或按病种付费费用/住院费用",
    },
    {
      category: "精细管理",
      name: "公立医疗机构通过省级集中采购平台线上采购率",
      unit: "%",
      baseline: "80%",
      target: "藥品達到90%、高值醫用耗材達到80%",
      attribute: "expected",
      definition: null,
    },
    // two subjects with different units (个 品种, 类): no single unit
    {
      category: "精细管理",
      name: "药品、医用耗材集中带量采购品种",
      unit: null,
      baseline: "藥品112個品種、高值醫用耗材1類",
      target: "藥品500個品種以上,高值醫用耗材5類以上",
      attribute: "expected",
      definition: "药品、高值医用耗材集中带量采购种类",
    },
    {
      category: "精细管理",
      name: "基本医疗保险统筹层次",
      unit: null,
      baseline: "市級統籌",
      target: "鞏固市級統籌適時推進省級統籌",
      attribute: "expected",
      definition: "以长株潭地区为试点,逐步实现基本医疗保险省级统筹",
    },
    {
      category: "优质服务",
      name: "医疗保障政务服务满意率",
      unit: "%",
      baseline: "/",
      target: "85%以上",
      attribute: "expected",
      definition: null,
    },
    {
      category: "优质服务",
      name: "医疗保障政务服务事项线上可办率",
      unit: "%",
      baseline: "/",
      target: "80%",
      attribute: "expected",
      definition: "政务服务事项线上可办数量/政务服务事项总数",
    },
    {
      category: "优质服务",
      name: "医疗保障政务服务事项窗口可办率",
      unit: "%",
      baseline: "/",
      target: "100%",
      attribute: "expected",
      definition: "政务服务事项窗口可办数量/政务服务事项总数",
    },
  ],
  outline: { 1: 4, 2: 22, 3: 47 },
  projects: { 专栏9: 6 },
};
