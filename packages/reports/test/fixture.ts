import type {
  Indicator,
  Jurisdiction,
  Observation,
  Plan,
  ProjectItem,
  SimpleTarget,
  Task,
} from "@ybplan/domain";
import {
  buildPlanReport,
  type EvaluationLike,
  type PlanReport,
  summariseReport,
} from "@ybplan/domain/report";

/** A small constructed plan whose report exercises every part of the layout. */

const jiangmen: Jurisdiction = { code: "440700", name: "江门市", level: "city", parentCode: "440000" };
const heshan: Jurisdiction = { code: "440784", name: "鹤山市", level: "county", parentCode: "440700" };

function plan(id: string, title: string, code: string): Plan {
  return {
    id,
    jurisdictionCode: code,
    title,
    issuer: `${title.slice(0, 3)}医疗保障局`,
    documentNumber: null,
    issueDate: null,
    periodStart: 2021,
    periodEnd: 2025,
    baselineYear: 2020,
    status: "published",
    parentPlanId: null,
    revision: 1,
  };
}

const cell = (text: string, expression: SimpleTarget) => ({ text, expression, footnoteMarks: [] });
const level = (v: number, unit: string | null = "%") =>
  cell(String(v), { kind: "level", quantity: { value: v, unit }, from: null, directionHint: null });

function ind(id: string, position: number, over: Partial<Indicator>): Indicator {
  return {
    id,
    planId: "p",
    position,
    category: "参保覆盖",
    name: id,
    unit: "%",
    baseline: level(95),
    target: cell("≥97%", {
      kind: "threshold",
      op: "gte",
      quantity: { value: 97, unit: "%" },
      sustain: false,
    }),
    attribute: "binding",
    direction: "higher",
    definition: null,
    footnote: null,
    assessment: "endOfPeriod",
    parentIndicatorId: null,
    ...over,
  };
}

export const indicators: Indicator[] = [
  ind("coverage", 1, { name: "基本医疗保险参保率" }),
  ind("selfpay", 2, {
    category: "医保待遇",
    name: "个人卫生支出占卫生总费用的比例",
    direction: "lower",
    baseline: level(28.5),
    target: cell("≤27%", {
      kind: "threshold",
      op: "lte",
      quantity: { value: 27, unit: "%" },
      sustain: false,
    }),
  }),
  ind("ratio", 3, {
    category: "医保待遇",
    name: "职工医保政策范围内住院费用基金支付比例",
    attribute: "expected",
    direction: "band",
    baseline: level(80),
    target: cell("稳定在80%左右", {
      kind: "band",
      quantity: { value: 80, unit: "%" },
      halfWidth: null,
      sustain: true,
    }),
  }),
  ind("fund", 4, {
    category: "基金运行",
    name: "基本医疗保险基金收入",
    unit: "亿元",
    attribute: "expected",
    baseline: cell("—", { kind: "notApplicable" }),
    target: cell("收入规模与经济规模更加适应", {
      kind: "qualitative",
      statement: "收入规模与经济规模更加适应",
    }),
  }),
  ind("drugs", 5, {
    category: "医药服务",
    name: "药品集中带量采购品种",
    unit: "个",
    attribute: "expected",
    baseline: level(112, "个"),
    target: cell(">500", {
      kind: "threshold",
      op: "gt",
      quantity: { value: 500, unit: "个" },
      sustain: false,
    }),
  }),
];

const o = (indicatorId: string, year: number, value: number | string): Observation => ({
  indicatorId,
  year,
  value: typeof value === "number" ? { kind: "number", value } : { kind: "text", text: value },
  source: null,
  note: null,
  recordedBy: null,
  recordedAt: null,
});

export const observations: Observation[] = [
  o("coverage", 2020, 95.1),
  o("coverage", 2021, 95.6),
  o("coverage", 2022, 96.4),
  o("coverage", 2023, 97.2),
  o("selfpay", 2022, 28.4),
  o("selfpay", 2023, 28.3),
  o("ratio", 2023, 80.2),
  o("fund", 2023, "收入稳定增长"),
  o("drugs", 2021, 180),
  o("drugs", 2022, 260),
  o("drugs", 2023, 380),
];

/** Evaluations given as input: these tests are about rendering, the engine has its own. */
export const evaluations = new Map<string, EvaluationLike>([
  ["coverage", { verdict: "achieved", breach: false, explanation: "2023年参保率97.2%，已达到≥97%的目标。" }],
  ["selfpay", { verdict: "behind", breach: true, explanation: "2023年为28.3%，落后于时序进度要求27.6%。" }],
  ["ratio", { verdict: "achieved", breach: false, explanation: "处于80%±1个百分点区间内。" }],
  ["fund", { verdict: "needsJudgement", breach: false, explanation: "定性目标，需人工研判。" }],
  ["drugs", { verdict: "onTrack", breach: false, explanation: "快于时序进度。" }],
]);

const base = { planId: "p", text: "", leadDepartment: "市医保局", deadline: null };
export const tasks: Task[] = [
  {
    ...base,
    id: "c1",
    number: "第三章",
    title: "重点任务",
    level: 1,
    parentId: null,
    status: "inProgress",
    progress: [],
    position: 0,
  },
  {
    ...base,
    id: "s1",
    number: "第一节",
    title: "健全多层次医疗保障体系",
    level: 2,
    parentId: "c1",
    status: "inProgress",
    progress: [],
    position: 1,
  },
  {
    ...base,
    id: "t1",
    number: "一、",
    title: "提升基本医保参保质量",
    level: 3,
    parentId: "s1",
    status: "completed",
    progress: [{ year: 2023, text: "全民参保计划数据库完成建设", recordedBy: null, recordedAt: null }],
    position: 2,
  },
  {
    ...base,
    id: "t2",
    number: "二、",
    title: "健全基本医保筹资机制",
    level: 3,
    parentId: "s1",
    status: "delayed",
    progress: [],
    position: 3,
  },
];

const items: ProjectItem[] = [
  {
    ...base,
    id: "x1",
    projectId: "pr",
    number: "1",
    title: "智能监控系统建设",
    status: "inProgress",
    progress: [],
    position: 0,
  },
];

export function fixtureReport(kind: "annual" | "midTerm" = "annual"): PlanReport {
  const child = buildPlanReport({
    plan: plan("child", "鹤山市医疗保障事业发展“十四五”规划", heshan.code),
    jurisdiction: heshan,
    indicators,
    observations,
    tasks: [],
    projects: [],
    year: 2023,
    kind: "annual",
    evaluations,
  });
  return buildPlanReport({
    plan: plan("p", "江门市医疗保障事业发展“十四五”规划", jiangmen.code),
    jurisdiction: jiangmen,
    indicators,
    observations,
    tasks,
    projects: [{ id: "pr", planId: "p", number: "专栏7", title: "智能监控建设工程", position: 0, items }],
    year: 2023,
    kind,
    evaluations,
    children: [summariseReport(child)],
    recipient: "广东省医疗保障局，江门市人民政府",
    issuedOn: "2024-01-15",
    procurement: {
      key: "procurement",
      title: "药品和医用耗材集中带量采购",
      paragraphs: ["截至2023年底，全市落地执行集中带量采购药品380个。"],
      tables: [{ title: "集中带量采购批次", columns: ["批次", "品种数"], rows: [["国家第一批", 25]] }],
    },
  });
}
