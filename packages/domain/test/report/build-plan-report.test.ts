import { describe, expect, it } from "vitest";
import type { Project, ProjectItem, Task } from "../../src/index.ts";
import { derivedObservationSource } from "../../src/procurement/derive.ts";
import type { EvaluationLike } from "../../src/report/index.ts";
import { buildPlanReport, reportTitle, scopeWordOf, summariseReport } from "../../src/report/index.ts";
import { cell, huangshi, indicator, obs, plan } from "./fixtures.ts";

const coverage = indicator({ id: "i1", position: 1, name: "基本医疗保险参保率" });
const selfPay = indicator({
  id: "i2",
  position: 2,
  category: "医保待遇",
  name: "个人卫生支出占卫生总费用的比例",
  direction: "lower",
  baseline: cell("28.5", {
    kind: "level",
    quantity: { value: 28.5, unit: "%" },
    from: null,
    directionHint: null,
  }),
  target: cell("≤27%", { kind: "threshold", op: "lte", quantity: { value: 27, unit: "%" }, sustain: false }),
});
const income = indicator({
  id: "i3",
  position: 3,
  category: "基金运行",
  name: "基本医疗保险基金收入",
  unit: "亿元",
  attribute: "expected",
  baseline: cell("—", { kind: "notApplicable" }),
  target: cell("收入规模与经济规模更加适应", {
    kind: "qualitative",
    statement: "收入规模与经济规模更加适应",
  }),
});
const band = indicator({
  id: "i4",
  position: 4,
  name: "职工医保政策范围内住院费用基金支付比例",
  attribute: "expected",
  direction: "band",
  baseline: cell("80", {
    kind: "level",
    quantity: { value: 80, unit: "%" },
    from: null,
    directionHint: null,
  }),
  target: cell("稳定在80%左右", {
    kind: "band",
    quantity: { value: 80, unit: "%" },
    halfWidth: null,
    sustain: true,
  }),
});
const drugs = indicator({
  id: "i5",
  position: 5,
  category: "医药服务",
  name: "药品集中带量采购品种",
  unit: "个",
  attribute: "expected",
  baseline: cell("112", {
    kind: "level",
    quantity: { value: 112, unit: "个" },
    from: null,
    directionHint: null,
  }),
  target: cell(">500", { kind: "threshold", op: "gt", quantity: { value: 500, unit: "个" }, sustain: false }),
});

const observations = [
  obs("i1", 2020, 95.2),
  obs("i1", 2022, 95.9),
  obs("i1", 2023, 96.3),
  obs("i2", 2023, 28.1),
  obs("i3", 2023, "基金收入较上年增长6.2%"),
  obs("i4", 2023, 80.4),
  obs("i5", 2023, 400),
];

const evaluations = new Map<string, EvaluationLike>([
  ["i1", { verdict: "achieved", breach: false, explanation: "2023年实际值96.3%，已达到≥96%的目标。" }],
  ["i2", { verdict: "behind", breach: true, explanation: "2023年实际值28.1%，落后于时序进度要求27.6%。" }],
  ["i3", { verdict: "needsJudgement", breach: false, explanation: "定性目标，需人工研判。" }],
  ["i4", { verdict: "achieved", breach: false, explanation: "处于80%±1个百分点区间内。" }],
  ["i5", { verdict: "onTrack", breach: false, explanation: "快于时序进度。" }],
]);

function build(
  kind: "annual" | "midTerm" = "annual",
  extra: Partial<Parameters<typeof buildPlanReport>[0]> = {},
) {
  return buildPlanReport({
    plan,
    jurisdiction: huangshi,
    indicators: [drugs, income, coverage, band, selfPay],
    observations,
    tasks: [],
    projects: [],
    year: 2023,
    kind,
    evaluations,
    ...extra,
  });
}

describe("buildPlanReport", () => {
  it("writes the indicator sentence in formal Chinese from the data", () => {
    const r = build();
    const row = r.indicators.find((x) => x.id === "i1")!;
    expect(row.sentence).toBe("基本医疗保险参保率2023年为96.3%，高于约束性目标（96%）0.3个百分点，已达成。");
    expect(row.gap).toMatchObject({ text: "+0.3个百分点", against: "target" });
    expect(r.narrative.indicators).toContain(row.sentence);
  });

  it("puts 约束性 breaches first, then keeps the table's order", () => {
    const r = build();
    expect(r.indicators.map((x) => x.id)).toEqual(["i2", "i1", "i3", "i4", "i5"]);
    expect(r.indicators[0]!.breach).toBe(true);
  });

  it("counts verdicts and binding breaches", () => {
    const r = build();
    expect(r.counts.total).toBe(5);
    expect(r.counts.byVerdict).toEqual({
      achieved: 2,
      onTrack: 1,
      behind: 1,
      missed: 0,
      needsJudgement: 1,
      insufficientData: 0,
    });
    expect(r.counts.binding).toEqual({ total: 2, breaches: 1, noData: [] });
    expect(r.narrative.overview[1]).toBe(
      "规划确定的5项主要指标中，已达成2项，进展顺利1项，进度滞后1项，待研判1项。2项约束性指标中，1项未达到目标或进度要求。",
    );
  });

  it("describes lower-is-better indicators against the line and names the breach", () => {
    const r = build();
    const row = r.indicators.find((x) => x.id === "i2")!;
    // expected(2023) = 28.5 + (27 − 28.5) × 3/5 = 27.6
    expect(row.expected).toBeCloseTo(27.6, 6);
    expect(row.sentence).toBe(
      "个人卫生支出占卫生总费用的比例2023年为28.1%，按时序进度应达到27.6%，落后时序进度0.5个百分点，进度滞后。",
    );
    // One gap: the one that decides the verdict, 28.1 − 27.6 in the good (lower) direction.
    expect(row.gap).toMatchObject({ text: "-0.5个百分点", against: "line" });
    expect(row.remedy).toBe("原因及整改措施待填报");
    expect(r.narrative.breaches.join("")).toContain("原因及整改措施待填报");
    expect(r.narrative.breaches[0]).toContain("个人卫生支出占卫生总费用的比例为约束性指标");
  });

  it("lists every year's actual and the year-on-year change", () => {
    const r = build();
    const row = r.indicators.find((x) => x.id === "i1")!;
    expect(row.actuals.map((a) => a.text)).toEqual(["95.2%", "—", "95.9%", "96.3%"]);
    expect(row.change?.text).toBe("+0.4个百分点");
    expect(r.indicators.find((x) => x.id === "i2")!.change).toBeNull();
  });

  it("prints text observations and qualitative targets without inventing a comparison", () => {
    const row = build().indicators.find((x) => x.id === "i3")!;
    expect(row.sentence).toBe("基本医疗保险基金收入2023年填报情况为“基金收入较上年增长6.2%”，待研判。");
    expect(row.baseline.text).toBe("—");
  });

  it("says when the year has no data", () => {
    const r = build("annual", { observations: observations.filter((o) => o.indicatorId !== "i5") });
    const row = r.indicators.find((x) => x.id === "i5")!;
    expect(row.sentence).toBe("药品集中带量采购品种2023年尚未填报监测数据，暂无数据。");
  });

  it("evaluates indicators without a precomputed evaluation through `evaluate`", () => {
    const seen: string[] = [];
    const r = build("annual", {
      evaluations: new Map([["i1", evaluations.get("i1")!]]),
      evaluate: (ind, obsOf, year) => {
        seen.push(`${ind.id}:${obsOf.length}:${year}`);
        return { verdict: "missed", breach: ind.attribute === "binding", explanation: "x" };
      },
    });
    expect(seen.sort()).toEqual(["i2:1:2023", "i3:1:2023", "i4:1:2023", "i5:1:2023"]);
    expect(r.counts.byVerdict.missed).toBe(4);
    expect(r.counts.binding.breaches).toBe(1);
  });

  it("grades a mid-term review in the national vocabulary", () => {
    const r = build("midTerm");
    const grade = (id: string) => r.indicators.find((x) => x.id === id)!.reviewGradeLabel;
    expect(grade("i1")).toBe("提前实现");
    expect(grade("i2")).toBe("滞后");
    expect(grade("i3")).toBe("待研判");
    // A band target that holds is on pace, not met early.
    expect(grade("i4")).toBe("基本符合预期");
    // 112 → 500 by 2025: the line expects 344.8 in 2023; 400 is well ahead of it.
    expect(grade("i5")).toBe("快于预期");
    expect(r.coveredYears).toEqual([2021, 2022, 2023]);
    expect(r.title).toBe("黄石市医疗保障事业发展“十四五”规划实施中期评估报告");
    expect(r.narrative.review[0]).toBe(
      "对照时序进度，规划实施以来（2021—2023年）5项主要指标中，提前实现1项，快于预期1项，基本符合预期1项，滞后1项，待研判1项。",
    );
    expect(r.narrative.review[1]).toBe(
      "滞后的约束性指标：个人卫生支出占卫生总费用的比例，须在规划后半程加快推进。",
    );
  });

  it("writes the mid-term chapters from the rows: problems, second-half measures, adjustments", () => {
    const m = build("midTerm").midTerm!;
    expect(m.achievements).toEqual([
      "1项指标已提前实现规划目标：基本医疗保险参保率。",
      "1项指标进度快于预期：药品集中带量采购品种。",
    ]);
    expect(m.problems[0]).toBe(
      "约束性指标个人卫生支出占卫生总费用的比例2023年为28.1%，按时序进度应达到27.6%，落后时序进度0.5个百分点，进度滞后。原因及整改措施待填报。",
    );
    // 27 − 28.1 = −1.1 over the two years left: 0.55 a year downwards.
    expect(m.measures[0]).toBe(
      "个人卫生支出占卫生总费用的比例：距2025年目标（≤27%）尚差1.1个百分点，后2年须年均降低0.55个百分点；原因及整改措施待填报。",
    );
    expect(m.adjustments[0]).toBe(
      "基本医疗保险参保率已于2023年达到规划目标（现行目标≥96%，2023年96.3%），建议研究是否提高目标值。",
    );
    expect(build("annual").midTerm).toBeNull();
  });

  it("grades progress near the line as 基本符合预期", () => {
    const r = build("midTerm", {
      observations: [...observations.filter((o) => o.indicatorId !== "i5"), obs("i5", 2023, 340)],
    });
    expect(r.indicators.find((x) => x.id === "i5")!.reviewGrade).toBe("onPace");
  });

  it("annual reports leave the review paragraphs out", () => {
    const r = build();
    expect(r.narrative.review).toEqual([]);
    expect(r.title).toBe("黄石市医疗保障事业发展“十四五”规划2023年度实施情况监测报告");
  });

  it("builds trajectories for indicators with numbers", () => {
    const r = build();
    const c = r.charts.find((x) => x.indicatorId === "i1")!;
    expect(c.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(c.actual).toEqual([95.2, null, 95.9, 96.3, null, null]);
    expect(c.expected[5]).toBe(96);
    expect(r.charts.some((x) => x.indicatorId === "i3")).toBe(false);
  });

  it("summarises task and 专栏 progress with the year's note", () => {
    const base = { planId: "p1", text: "", leadDepartment: null, deadline: null };
    const tasks: Task[] = [
      {
        ...base,
        id: "t1",
        number: "第三章",
        title: "重点任务",
        level: 1,
        parentId: null,
        status: "inProgress",
        progress: [],
        position: 1,
      },
      {
        ...base,
        id: "t2",
        number: "第一节",
        title: "健全体系",
        level: 2,
        parentId: "t1",
        status: "inProgress",
        progress: [],
        position: 2,
      },
      {
        ...base,
        id: "t3",
        number: "一、",
        title: "提升参保质量",
        level: 3,
        parentId: "t2",
        status: "completed",
        progress: [
          { year: 2022, text: "完成全民参保计划数据库建设", recordedBy: null, recordedAt: null },
          { year: 2024, text: "未来的说明", recordedBy: null, recordedAt: null },
        ],
        position: 3,
      },
      {
        ...base,
        id: "t4",
        number: "二、",
        title: "健全筹资机制",
        level: 3,
        parentId: "t2",
        status: "delayed",
        progress: [],
        position: 4,
      },
    ];
    const items: ProjectItem[] = [
      {
        ...base,
        id: "x1",
        projectId: "pr1",
        number: "1",
        title: "参保扩面",
        status: "completed",
        progress: [],
        position: 1,
      },
      {
        ...base,
        id: "x2",
        projectId: "pr1",
        number: "2",
        title: "精准参保",
        status: "inProgress",
        progress: [],
        position: 2,
      },
    ];
    const projects: (Project & { items: ProjectItem[] })[] = [
      { id: "pr1", planId: "p1", number: "专栏2", title: "全民参保质量提升工程", position: 1, items },
    ];
    const r = build("annual", { tasks, projects });
    expect(r.tasks.rows.map((t) => t.title)).toEqual(["提升参保质量", "健全筹资机制"]);
    expect(r.tasks.rows[0]!.progress).toBe("完成全民参保计划数据库建设");
    // Outline numbers restart per part, so each row names the part it sits in.
    expect(r.tasks.rows.map((t) => t.part)).toEqual(["第一节健全体系", "第一节健全体系"]);
    expect(r.narrative.tasks[0]).toBe("规划部署的2项重点任务中，已完成1项，滞后1项。");
    expect(r.narrative.projects).toEqual([
      "规划设置1个专栏，共2项工程项目，已完成1项。",
      "专栏2“全民参保质量提升工程”2项中，已完成1项，推进中1项。",
    ]);
  });

  it("includes children summaries in a provincial report", () => {
    const child = summariseReport(build());
    const hubei = { code: "420000", name: "湖北省", level: "province" as const, parentCode: null };
    const r = build("annual", { jurisdiction: hubei, children: [child] });
    expect(r.scopeWord).toBe("全省");
    expect(r.children[0]!.breaches).toEqual(["个人卫生支出占卫生总费用的比例"]);
    expect(r.narrative.children[0]).toBe(
      "全省纳入汇总的下级规划1个，其中1个存在约束性指标未达标情形：黄石市（1项）。",
    );
  });

  it("carries optional procurement and credit sections", () => {
    const r = build("annual", {
      procurement: { key: "procurement", title: "集中带量采购", paragraphs: ["p"], tables: [] },
    });
    expect(r.procurement?.title).toBe("集中带量采购");
    expect(r.credit).toBeNull();
  });

  it("shows a baseline taken from the baseline year's record where the plan states none", () => {
    const consumables = indicator({
      id: "i6",
      position: 6,
      category: "医药服务",
      name: "高值医用耗材集中带量采购品种",
      unit: "类",
      attribute: "expected",
      baseline: cell("—", { kind: "notApplicable" }),
      target: cell(">5", { kind: "threshold", op: "gt", quantity: { value: 5, unit: "类" }, sustain: false }),
    });
    const judged: EvaluationLike = {
      verdict: "onTrack",
      breach: false,
      explanation: "快于时序进度。",
      inputs: { baselineValue: 1, expected: 3.4, actual: 5 },
    };
    const r = build("annual", {
      indicators: [consumables],
      observations: [obs("i6", 2020, 1), obs("i6", 2023, 5)],
      evaluations: new Map([["i6", judged]]),
      procurement: { key: "procurement", title: "集中带量采购", paragraphs: [], tables: [] },
    });
    const row = r.indicators[0]!;
    expect(row.baseline).toEqual({ text: "1类（2020年实际值）", value: 1, observedYear: 2020 });
    // The table's 时序进度 line and the procurement sentence both start from the 2020 record.
    expect(row.expected).toBeCloseTo(3.4);
    expect(r.procurement?.paragraphs[0]).toContain("较2020年末（1类）增加4类");
  });

  it("names the jurisdiction in a derived value's note, never 本地区", () => {
    const derived = {
      ...obs("i5", 2023, 400),
      source: derivedObservationSource,
      note: "截至2023年12月31日，本地区已执行国家组织9个批次，合计药品集中带量采购品种400个。",
    };
    const r = build("annual", {
      observations: [...observations.filter((o) => o.indicatorId !== "i5"), derived],
    });
    const row = r.indicators.find((i) => i.name === "药品集中带量采购品种")!;
    expect(row.note).toBe("截至2023年12月31日，全市已执行国家组织9个批次，合计药品集中带量采购品种400个。");
  });
});

describe("helpers", () => {
  it("names the territory by level and name", () => {
    expect(scopeWordOf({ level: "county", name: "青阳县" })).toBe("全县");
    expect(scopeWordOf({ level: "county", name: "鹤山市" })).toBe("全市");
    expect(scopeWordOf({ level: "province", name: "湖南省" })).toBe("全省");
    expect(scopeWordOf({ level: "province", name: "内蒙古自治区" })).toBe("全区");
  });

  it("titles reports", () => {
    expect(reportTitle("《湖南省医疗保障事业发展“十四五”规划》", 2023, "annual")).toBe(
      "湖南省医疗保障事业发展“十四五”规划2023年度实施情况监测报告",
    );
  });
});
