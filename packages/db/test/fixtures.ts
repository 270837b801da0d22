import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import { type PlanDocument, PlanDocumentFormat } from "@ybplan/domain/plan";
import type { ParsedCell } from "@ybplan/domain/target";
import { type Database, jurisdictions } from "../src/index.ts";

export const cell = (text: string, value: number | null): ParsedCell => ({
  text,
  expression:
    value === null
      ? { kind: "notApplicable" }
      : { kind: "threshold", op: "gte", quantity: { value, unit: "%" }, sustain: false },
  footnoteMarks: [],
});

/** A small plan document for 黄石市 with two indicators, a chapter, a task and a 专栏. */
export function huangshiDoc(overrides: Partial<PlanDocument["plan"]> = {}): PlanDocument {
  return {
    format: PlanDocumentFormat,
    plan: {
      title: "黄石市医疗保障事业发展“十四五”规划",
      issuer: "黄石市医疗保障局",
      documentNumber: null,
      issueDate: "2022-03-01",
      jurisdictionCode: "420200",
      jurisdictionName: "黄石市",
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
      ...overrides,
    },
    indicators: [
      {
        key: "参保覆盖/基本医疗保险参保率",
        position: 1,
        category: "参保覆盖",
        name: "基本医疗保险参保率",
        unit: "%",
        baseline: cell("96.5", 96.5),
        target: cell("≥97", 97),
        attribute: "binding",
        direction: "higher",
        definition: null,
        footnote: null,
        assessment: "endOfPeriod",
        confidence: "table",
        line: 10,
      },
      {
        key: "基金安全/住院费用实际报销比例",
        position: 2,
        category: "基金安全",
        name: "住院费用实际报销比例",
        unit: "%",
        baseline: cell("70", 70),
        target: cell("≥70", 70),
        attribute: "expected",
        direction: "higher",
        definition: null,
        footnote: null,
        assessment: "endOfPeriod",
        confidence: "table",
        line: 11,
      },
    ],
    tasks: [
      {
        key: "c1",
        number: "第一章",
        title: "发展基础",
        text: "",
        leadDepartment: null,
        deadline: null,
        line: 1,
        level: 1,
        parentKey: null,
      },
      {
        key: "c1/t1",
        number: "（一）",
        title: "完善参保",
        text: "持续扩面",
        leadDepartment: "市医保局",
        deadline: null,
        line: 2,
        level: 2,
        parentKey: "c1",
      },
    ],
    projects: [
      {
        key: "专栏1",
        number: "专栏1",
        title: "信息化建设",
        line: 30,
        items: [
          {
            key: "专栏1/1",
            number: "1",
            title: "医保信息平台",
            text: "",
            leadDepartment: null,
            deadline: null,
            line: 31,
          },
        ],
      },
    ],
    footnotes: [],
    warnings: [],
  };
}

export async function insertSampleJurisdictions(database: Database): Promise<void> {
  await database.db.insert(jurisdictions).values(sampleJurisdictions.map((j) => ({ ...j })));
}
