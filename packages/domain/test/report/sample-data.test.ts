import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/index.ts";
import { inMemoryPlan, sampleObservations } from "../../src/report/index.ts";
import { indicator, plan } from "./fixtures.ts";

describe("sample observations", () => {
  const inds = [1, 2, 3, 4].map((i) => indicator({ id: `i${i}`, position: i, name: `指标${i}` }));

  it("is deterministic per seed and differs across seeds", () => {
    const a = sampleObservations(plan, inds, { seed: 7, lastYear: 2023 });
    const b = sampleObservations(plan, inds, { seed: 7, lastYear: 2023 });
    const c = sampleObservations(plan, inds, { seed: 8, lastYear: 2023 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.filter((o) => o.indicatorId === "i1").map((o) => o.year)).toEqual([2020, 2021, 2022, 2023]);
  });

  it("starts at the baseline", () => {
    const a = sampleObservations(plan, inds, { seed: 1, lastYear: 2023 });
    expect(a.find((o) => o.year === 2020)!.value).toEqual({ kind: "number", value: 95 });
  });
});

describe("inMemoryPlan", () => {
  it("gives a document stable ids and links", () => {
    const {
      id: _i,
      planId: _p,
      parentIndicatorId: _q,
      ...fields
    } = indicator({ id: "x", position: 1, name: "参保率" });
    const draft: PlanDocument["indicators"][number] = {
      ...fields,
      key: "参保率",
      confidence: "table",
      line: 3,
    };
    const doc: PlanDocument = {
      format: "ybplan.plan-document/v1",
      plan: {
        title: "青阳县医疗保障事业发展“十四五”规划",
        issuer: null,
        documentNumber: null,
        issueDate: null,
        jurisdictionCode: "341723",
        jurisdictionName: "青阳县",
        periodStart: 2021,
        periodEnd: 2025,
        baselineYear: 2020,
      },
      indicators: [draft],
      tasks: [
        {
          key: "c1",
          number: "第一章",
          title: "总体要求",
          text: "",
          leadDepartment: null,
          deadline: null,
          line: 1,
          level: 1,
          parentKey: null,
        },
        {
          key: "c1/1",
          number: "一、",
          title: "参保",
          text: "",
          leadDepartment: null,
          deadline: null,
          line: 2,
          level: 3,
          parentKey: "c1",
        },
      ],
      projects: [
        {
          key: "z1",
          number: "专栏1",
          title: "工程",
          line: 4,
          items: [
            { key: "a", number: "1", title: "项目", text: "", leadDepartment: null, deadline: null, line: 5 },
          ],
        },
      ],
      footnotes: [],
      warnings: [],
    };
    const m = inMemoryPlan(doc, { planId: "qy", jurisdictionCode: "341723" });
    expect(m.plan.id).toBe("qy");
    expect(m.indicators[0]!.id).toBe("qy:i:参保率");
    expect(m.tasks[1]!.parentId).toBe(m.tasks[0]!.id);
    expect(m.projects[0]!.items[0]!.projectId).toBe(m.projects[0]!.id);
  });
});
