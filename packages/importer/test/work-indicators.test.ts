import type { PlanDocument } from "@ybplan/domain/plan";
import { parseTargetCell } from "@ybplan/domain/target";
import { readSamplePlan } from "@ybplan/samples";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { importPlanText, proposeWorkIndicators } from "../src/index.ts";

function importText(text: string, fileName?: string): PlanDocument {
  const r = importPlanText(text, fileName === undefined ? {} : { fileName });
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
}
const importSample = (key: string) => importText(readSamplePlan(key as never), `${key}.txt`);

describe("work indicators proposed from the sample plans", () => {
  it("青阳 专栏2 item 1: DRG 病种覆盖率 ≥70/80/90% and 基金支出占比 ≥30/50/70% for 2022–2024", () => {
    const doc = importSample("anhui-qingyang-county");
    const item = doc.projects.find((p) => p.number === "专栏2")?.items[0];
    const { proposals, warnings } = proposeWorkIndicators(doc);
    expect(warnings).toEqual([]);
    expect(
      proposals.map((p) => ({
        owner: p.owner.key,
        kind: p.owner.kind,
        name: p.name,
        target: p.target,
        stages: p.stages,
      })),
    ).toEqual([
      {
        owner: item?.key,
        kind: "projectItem",
        name: "DRG付费医疗机构病种覆盖率",
        target: null,
        stages: [
          { year: 2022, target: "≥70%" },
          { year: 2023, target: "≥80%" },
          { year: 2024, target: "≥90%" },
        ],
      },
      {
        owner: item?.key,
        kind: "projectItem",
        name: "DRG付费医保基金支出占统筹区内住院医保基金支出比例",
        target: "≥70%",
        stages: [
          { year: 2022, target: "≥30%" },
          { year: 2023, target: "≥50%" },
          { year: 2024, target: "≥70%" },
        ],
      },
    ]);
    expect(proposals[0]?.line).toBe(151);
    expect(proposals[0]?.owner.label).toBe("专栏2（1）医保基金总额预算管理");
    expect(proposals[1]?.text).toContain("每年进度应分别不低于30%、50%、70%");
    // every proposed cell is one the domain parser reads as a threshold
    for (const p of proposals)
      for (const s of p.stages) expect(parseTargetCell(s.target).expression.kind).toBe("threshold");
  });

  it("黄石 专栏10 (3): 101 个医疗保障基层服务示范点 and the other three 示范 counts, due by 2025", () => {
    const doc = importSample("hubei-huangshi-city");
    const { proposals, warnings } = proposeWorkIndicators(doc);
    expect(warnings).toEqual([]);
    expect(proposals.map((p) => [p.owner.label, p.name, p.unit, p.target, p.stages.length])).toEqual([
      ["专栏10（3）推动“四个1”工程建设", "区县级经办服务窗口示范窗口", "个", "≥1个", 0],
      ["专栏10（3）推动“四个1”工程建设", "医疗保障基层服务示范点", "个", "≥101个", 0],
      ["专栏10（3）推动“四个1”工程建设", "医疗保障定点医疗机构示范点", "个", "≥1个", 0],
      ["专栏10（3）推动“四个1”工程建设", "智慧医保管理服务示范点", "个", "≥1个", 0],
    ]);
    expect(parseTargetCell("≥101个").expression).toMatchObject({ kind: "threshold", op: "gte" });
  });

  it.each(["henan-nanyang-city", "guangdong-heshan-city", "hunan-province"])("%s states none", (key) => {
    expect(proposeWorkIndicators(importSample(key))).toEqual({ proposals: [], warnings: [] });
  });
});

describe("work indicator phrasings", () => {
  const plan = (body: string[]) =>
    importText(
      [
        "某市医疗保障“十四五”规划",
        "一、发展基础",
        ...body.slice(0, 1),
        "二、重点任务",
        ...body.slice(1),
      ].join("\n"),
    );

  it("a year range, 分别达到, caps with 不超过, and nothing from the background chapter", () => {
    const doc = plan([
      "2022年、2023年参保率分别达到95%、96%。",
      "（一）提高统筹层次",
      "1. 推进门诊共济。2023—2025年，普通门诊统筹覆盖率分别达到85%、90%、95%。",
      "2. 控制费用。2023年、2024年，次均住院费用增长率分别不超过8%、6%。",
    ]);
    const { proposals, warnings } = proposeWorkIndicators(doc);
    expect(warnings).toEqual([]);
    expect(proposals.map((p) => [p.owner.label, p.name, p.stages])).toEqual([
      [
        "1.推进门诊共济",
        "普通门诊统筹覆盖率",
        [
          { year: 2023, target: "≥85%" },
          { year: 2024, target: "≥90%" },
          { year: 2025, target: "≥95%" },
        ],
      ],
      [
        "2.控制费用",
        "次均住院费用增长率",
        [
          { year: 2023, target: "≤8%" },
          { year: 2024, target: "≤6%" },
        ],
      ],
    ]);
  });

  it("an end target 超过 is strict; a count due before the period's end is a stage of its year", () => {
    const doc = plan([
      "基础。",
      "（一）优化服务",
      "1. 线上办理。2023年、2024年两年，实现慢特病备案线上办理率超过60%，每年进度分别不低于40%、50%。",
      "2. 示范创建。到2024年，创建2家医保服务示范医院。",
    ]);
    const { proposals } = proposeWorkIndicators(doc);
    expect(proposals.map((p) => [p.name, p.unit, p.target, p.stages, p.text])).toEqual([
      [
        "慢特病备案线上办理率",
        "%",
        ">60%",
        [
          { year: 2023, target: "≥40%" },
          { year: 2024, target: "≥50%" },
        ],
        "实现慢特病备案线上办理率超过60%，每年进度分别不低于40%、50%",
      ],
      [
        "医保服务示范医院",
        "家",
        "≥2家",
        [{ year: 2024, target: "≥2家" }],
        "到2024年，创建2家医保服务示范医院",
      ],
    ]);
    expect(parseTargetCell(">60%").expression).toMatchObject({ kind: "threshold", op: "gt" });
  });

  it("values whose years cannot be matched are a warning with the task's line, not a guess", () => {
    const doc = plan([
      "基础。",
      "（一）推进支付方式改革",
      "1. 扩大覆盖。DRG付费医疗机构覆盖率每年进度分别不低于60%、80%、100%。",
      "2. 提高占比。2022年、2023年，按病种付费占比分别达到40%、50%、60%。",
    ]);
    const { proposals, warnings } = proposeWorkIndicators(doc);
    expect(proposals).toEqual([]);
    expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ["stageYearsUnclear", 6, "分年度目标未写明对应年份，请人工补充"],
      ["stageYearsUnclear", 7, "分年度目标有 3 个数值，但写明了 2 个年份，请人工核对"],
    ]);
  });
});
