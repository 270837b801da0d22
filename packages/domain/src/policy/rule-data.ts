import { PolicyRule, type PolicyRuleInput } from "./rules.ts";

/**
 * The shipped rules: national rules (shared/reference/policies.md §2.1) and the sample plans'
 * parameter targets (§2.2). Tags: S sourced, D derived, U from memory (check before relying on it).
 * A changed figure is added as a new version with its own validFrom; old versions stay.
 */
const data: PolicyRuleInput[] = [
  {
    id: "national.assistance-floor-70",
    version: "2015",
    title: "重点救助对象住院救助比例不低于70%",
    scope: { kind: "national" },
    subjects: [{ kind: "assistanceRatio", scheme: "assistance", population: "assistanceTarget" }],
    check: { type: "floor", value: 70 },
    source: {
      title:
        "国务院办公厅转发民政部等部门关于进一步完善医疗救助制度全面开展重特大疾病医疗救助工作意见的通知（国办发〔2015〕30号）",
      url: "https://www.fx361.cc/page/2018/1219/4610572.shtml",
      tag: "S",
    },
  },
  {
    id: "national.employee-outpatient-floor-50",
    version: "2021",
    title: "职工医保普通门诊政策范围内支付比例从50%起步",
    scope: { kind: "national" },
    subjects: [{ kind: "reimbursementRatio", scheme: "employee", service: "outpatient" }],
    check: { type: "floor", value: 50 },
    validFrom: "2021-04-13",
    source: {
      title: "国务院办公厅关于建立健全职工基本医疗保险门诊共济保障机制的指导意见（国办发〔2021〕14号）",
      tag: "U",
    },
  },
  {
    id: "national.critical-illness-ratio-60",
    version: "2019",
    title: "大病保险政策范围内支付比例不低于60%",
    scope: { kind: "national" },
    subjects: [{ kind: "reimbursementRatio", scheme: "criticalIllness" }],
    check: { type: "floor", value: 60 },
    source: { title: "关于做好2019年城乡居民基本医疗保障工作的通知（医保发〔2019〕30号）", tag: "U" },
  },
  {
    id: "national.critical-illness-deductible-half-income",
    version: "2019",
    title: "大病保险起付线不高于上年度居民人均可支配收入的50%",
    scope: { kind: "national" },
    subjects: [{ kind: "deductible", scheme: "criticalIllness", population: "all" }],
    check: {
      type: "relative",
      statistic: "residentDisposableIncome",
      lag: 1,
      factor: 0.5,
      comparison: "lte",
    },
    source: { title: "关于做好2019年城乡居民基本医疗保障工作的通知（医保发〔2019〕30号）", tag: "U" },
  },
  {
    id: "national.benefit-list",
    version: "2021",
    title: "地方政策符合医疗保障待遇清单",
    scope: { kind: "national" },
    subjects: [{ kind: "reimbursementRatio", scheme: "resident" }],
    check: {
      type: "manual",
      question:
        "地方待遇政策是否在国家医疗保障待遇清单（基本制度、基本政策、基金支付项目和标准、基金不予支付的范围）授权范围内",
    },
    source: { title: "国家医保局 财政部关于建立医疗保障待遇清单制度的意见（医保发〔2021〕5号）", tag: "S" },
  },
  {
    id: "plan.huangshi.outpatient-floor-50",
    version: "2021",
    title: "黄石：普通门诊政策范围内医疗费用报销比例不低于50%",
    scope: { kind: "plan", planName: "黄石市医疗保障事业发展“十四五”规划", jurisdictionCode: "420200" },
    subjects: [{ kind: "reimbursementRatio", scheme: "employee", service: "outpatient" }],
    check: { type: "floor", value: 50 },
    source: { title: "黄石市医疗保障“十四五”规划：普通门诊政策范围内医疗费用报销比例不低于50%", tag: "S" },
  },
  {
    id: "plan.nanyang.employee-cap-6x-wage",
    version: "2021",
    title: "南阳：职工医保叠加大额补助最高支付限额达到职工年平均工资的6倍左右",
    scope: { kind: "plan", planName: "南阳市“十四五”医疗保障事业发展规划", jurisdictionCode: "411300" },
    subjects: [
      { kind: "annualCap", scheme: "employee" },
      { kind: "annualCap", scheme: "employeeSupplementary" },
    ],
    // "左右" read as ±10 % of the target: an assumption, the plan states no width.
    check: {
      type: "relative",
      statistic: "employeeAverageWage",
      lag: 0,
      factor: 6,
      comparison: "around",
      tolerancePct: 10,
    },
    source: {
      title:
        "南阳市医疗保障“十四五”规划：职工基本医疗保险叠加职工大额医疗费用补助的最高支付限额原则上达到本地职工年平均工资的6倍左右",
      tag: "S",
      note: "“左右”按目标值±10%掌握（推导）",
    },
  },
  {
    id: "plan.nanyang.resident-cap-6x-income",
    version: "2021",
    title: "南阳：居民医保叠加大病保险最高支付限额达到居民人均可支配收入的6倍左右",
    scope: { kind: "plan", planName: "南阳市“十四五”医疗保障事业发展规划", jurisdictionCode: "411300" },
    subjects: [
      { kind: "annualCap", scheme: "resident" },
      { kind: "annualCap", scheme: "criticalIllness" },
    ],
    check: {
      type: "relative",
      statistic: "residentDisposableIncome",
      lag: 0,
      factor: 6,
      comparison: "around",
      tolerancePct: 10,
    },
    source: {
      title:
        "南阳市医疗保障“十四五”规划：城乡居民基本医疗保险叠加大病保险的最高支付限额原则上达到本地居民人均可支配收入的6倍左右",
      tag: "S",
      note: "“左右”按目标值±10%掌握（推导）",
    },
  },
  {
    id: "plan.qingyang.employee-inpatient-80",
    version: "2022",
    title: "青阳：职工医保政策范围内住院费用报销比例稳定在80%左右",
    scope: { kind: "plan", planName: "青阳县“十四五”医疗保障事业发展规划", jurisdictionCode: "341723" },
    subjects: [{ kind: "reimbursementRatio", scheme: "employee", service: "inpatient" }],
    // Half-width 5 points: a nominal ratio by level is judged loosely against an effective-ratio target.
    check: { type: "around", value: 80, halfWidth: 5 },
    source: {
      title: "青阳县医疗保障“十四五”规划：职工医保政策范围内住院费用报销比例稳定在80%左右",
      tag: "S",
      note: "±5个百分点（推导）",
    },
  },
  {
    id: "plan.qingyang.resident-inpatient-70",
    version: "2022",
    title: "青阳：城乡居民医保政策范围内住院费用报销比例稳定在70%左右",
    scope: { kind: "plan", planName: "青阳县“十四五”医疗保障事业发展规划", jurisdictionCode: "341723" },
    subjects: [{ kind: "reimbursementRatio", scheme: "resident", service: "inpatient" }],
    check: { type: "around", value: 70, halfWidth: 5 },
    source: {
      title: "青阳县医疗保障“十四五”规划：城乡居民医保政策范围内住院费用报销比例稳定在70%左右",
      tag: "S",
      note: "±5个百分点（推导）",
    },
  },
  {
    id: "plan.heshan.assistance-floor-70",
    version: "2021",
    title: "鹤山：低保、特困等医疗救助比例不低于70%",
    scope: { kind: "plan", planName: "鹤山市医疗保障事业发展“十四五”规划", jurisdictionCode: "440784" },
    subjects: [{ kind: "assistanceRatio", scheme: "assistance", population: "assistanceTarget" }],
    check: { type: "floor", value: 70 },
    source: {
      title: "鹤山市医疗保障“十四五”规划：最低生活保障家庭成员、特困供养人员等医疗救助比例不低于70%",
      tag: "S",
    },
  },
];

/** Every shipped rule, parsed (a malformed entry fails at import time, caught by the tests). */
export const policyRules: readonly PolicyRule[] = data.map((r) => PolicyRule.parse(r));
