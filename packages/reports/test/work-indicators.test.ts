import type { Indicator, Jurisdiction, Plan, ProjectItem } from "@ybplan/domain";
import { evaluateIndicator } from "@ybplan/domain/evaluation";
import { buildPlanReport } from "@ybplan/domain/report";
import { parseTargetCell } from "@ybplan/domain/target";
import { describe, expect, it } from "vitest";
import { layoutReport, renderReport } from "../src/index.ts";
import { docxTables } from "./read.ts";

/**
 * 青阳 专栏2 (1)'s DRG coverage, a confirmed work indicator with 2022–2024 stages, in the 2023
 * report: not in 表1 (主要指标), but in the 专栏 section's 工作指标完成情况 table, against its
 * 2023 stage with the engine's verdict — the same row in md and docx.
 */

const qingyang: Jurisdiction = { code: "341723", name: "青阳县", level: "county", parentCode: "341700" };
const plan: Plan = {
  id: "p",
  jurisdictionCode: qingyang.code,
  title: "青阳县医疗保障事业发展“十四五”规划",
  issuer: null,
  documentNumber: null,
  issueDate: null,
  periodStart: 2021,
  periodEnd: 2025,
  baselineYear: 2020,
  status: "published",
  parentPlanId: null,
  revision: 1,
};
const period = { baselineYear: 2020, periodEnd: 2025 };
const base: Omit<Indicator, "id" | "position" | "name" | "category"> = {
  planId: "p",
  unit: "%",
  baseline: parseTargetCell("95%"),
  target: parseTargetCell("≥96%"),
  attribute: "binding",
  direction: "higher",
  definition: null,
  footnote: null,
  assessment: "endOfPeriod",
  parentIndicatorId: null,
};
const main: Indicator = { ...base, id: "m1", position: 1, name: "基本医疗保险参保率", category: "参保覆盖" };
const coverage = {
  ...base,
  id: "w1",
  position: 2,
  name: "DRG付费医疗机构病种覆盖率",
  category: "工作指标",
  attribute: "expected" as const,
  baseline: parseTargetCell(""),
  target: parseTargetCell("≥90%"),
  projectItemId: "x1",
  targetRevisions: [2022, 2023, 2024].map((y, i) => ({
    effectiveYear: y,
    target: parseTargetCell(`≥${[70, 80, 90][i]}%`),
    scope: "year" as const,
  })),
};
const item: ProjectItem = {
  id: "x1",
  planId: "p",
  projectId: "z2",
  number: "1",
  title: "医保基金总额预算管理",
  text: "",
  leadDepartment: null,
  deadline: null,
  status: "inProgress",
  progress: [],
  position: 0,
};
const value = (indicatorId: string, year: number, v: number) => ({
  indicatorId,
  year,
  value: { kind: "number" as const, value: v },
  source: null,
  note: null,
  recordedBy: null,
  recordedAt: null,
});

const build = (kind: "annual" | "midTerm") =>
  buildPlanReport({
    plan,
    jurisdiction: qingyang,
    indicators: [main, coverage],
    observations: [value("m1", 2023, 96.2), value("w1", 2023, 81)],
    tasks: [],
    projects: [
      { id: "z2", planId: "p", number: "专栏2", title: "医保支付方式改革", position: 0, items: [item] },
    ],
    year: 2023,
    kind,
    evaluate: (indicator, o, y) => evaluateIndicator({ indicator, observations: o, year: y, period }),
  });
const report = build("annual");

describe("work indicators in the report", () => {
  it("表1 lists the main indicator only; the 专栏 section has the 工作指标 table", () => {
    const sections = layoutReport(report).sections;
    const tablesOf = (key: string) =>
      sections.find((s) => s.key === key)!.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
    const indicatorTables = tablesOf("indicators");
    expect(indicatorTables.every((t) => t.rows.length === 1)).toBe(true);
    expect(JSON.stringify(indicatorTables)).not.toContain("DRG");
    const work = tablesOf("projects").find((t) => t.key === "workIndicators")!;
    expect(work.caption).toMatch(/^表\d+　专栏工作指标完成情况$/);
    expect(work.rows.map((r) => r.cells)).toEqual([
      [
        "1",
        "专栏2（1）医保基金总额预算管理",
        "DRG付费医疗机构病种覆盖率",
        "≥80%（2023年分年度目标）",
        "81%",
        "进展顺利",
      ],
    ]);
    expect(work.rows[0]!.verdict).toBe("onTrack");
  });

  it("the mid-term review has the same table in its 重点任务和专栏工程评估 chapter, and counts 1 main indicator", () => {
    const midTerm = build("midTerm");
    expect(midTerm.counts.total).toBe(1);
    const chapter = layoutReport(midTerm).sections.find((s) => s.key === "tasks")!;
    const work = chapter.blocks.flatMap((b) =>
      b.kind === "table" && b.table.key === "workIndicators" ? [b.table] : [],
    );
    expect(work.map((t) => t.rows.map((r) => r.cells.slice(1)))).toEqual([
      [
        [
          "专栏2（1）医保基金总额预算管理",
          "DRG付费医疗机构病种覆盖率",
          "≥80%（2023年分年度目标）",
          "81%",
          "进展顺利",
        ],
      ],
    ]);
  });

  it("md and docx print the same row", async () => {
    const md = new TextDecoder().decode((await renderReport(report, "md")).data);
    expect(md).toContain(
      "| 1 | 专栏2（1）医保基金总额预算管理 | DRG付费医疗机构病种覆盖率 | ≥80%（2023年分年度目标） | 81% | 进展顺利 |",
    );
    expect(md).toContain("规划确定的1项主要指标");
    const tables = await docxTables((await renderReport(report, "docx", { charts: false })).data);
    const work = tables.find((t) => t[0]?.includes("2023年目标"))!;
    expect(work[1]).toEqual([
      "1",
      "专栏2（1）医保基金总额预算管理",
      "DRG付费医疗机构病种覆盖率",
      "≥80%（2023年分年度目标）",
      "81%",
      "进展顺利",
    ]);
  });
});
