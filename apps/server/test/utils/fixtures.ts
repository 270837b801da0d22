import { type PlanDocument, PlanDocumentFormat } from "@ybplan/domain/plan";
import { parseTargetCell } from "@ybplan/domain/target";

/** A small plan document (what the importer produces) for a jurisdiction. */
export function planDocument(code: string, name: string, title = `${name}医疗保障测试规划`): PlanDocument {
  const ind = (
    position: number,
    category: string,
    indName: string,
    unit: string,
    baseline: string,
    target: string,
    attribute: "binding" | "expected",
  ) => ({
    key: `${category}/${indName}`,
    position,
    category,
    name: indName,
    unit,
    baseline: parseTargetCell(baseline),
    target: parseTargetCell(target),
    attribute,
    direction: "higher" as const,
    definition: null,
    footnote: null,
    assessment: "endOfPeriod" as const,
    confidence: "table" as const,
    line: position,
  });
  return {
    format: PlanDocumentFormat,
    plan: {
      title,
      issuer: `${name}医疗保障局`,
      documentNumber: null,
      issueDate: "2022-01-01",
      jurisdictionCode: code,
      jurisdictionName: name,
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
    },
    indicators: [
      ind(1, "参保覆盖", "基本医疗保险参保率", "%", "96", "≥97%", "binding"),
      ind(2, "保障水平", "职工医保政策范围内住院费用基金支付比例", "%", "80", "80%左右", "expected"),
      ind(3, "集中采购", "药品集中带量采购品种", "个", "112", ">500", "expected"),
    ],
    tasks: [
      {
        key: "ch1",
        number: "第一章",
        title: "健全多层次医疗保障制度体系",
        text: "",
        leadDepartment: null,
        deadline: null,
        line: 10,
        level: 1,
        parentKey: null,
      },
      {
        key: "ch1/1",
        number: "（一）",
        title: "完善基本医疗保险制度",
        text: "……",
        leadDepartment: "医保局",
        deadline: null,
        line: 11,
        level: 2,
        parentKey: "ch1",
      },
    ],
    projects: [
      {
        key: "专栏1",
        number: "专栏1",
        title: "医疗保障信息化建设工程",
        line: 20,
        items: [
          {
            key: "专栏1/1",
            number: "1",
            title: "医保信息平台",
            text: "",
            leadDepartment: null,
            deadline: null,
            line: 21,
          },
        ],
      },
    ],
    footnotes: [],
    warnings: [],
  };
}
