import { describe, expect, it } from "vitest";
import {
  emptyRow,
  parametersOf,
  policyFieldLabel,
  rowsFromProposals,
  schemeOptions,
  serviceOptions,
  unitText,
} from "../src/features/policies/model.ts";

describe("policy parameter grid model", () => {
  it("turns proposals into rows; a row without a scheme or value blocks saving, naming its number", () => {
    const rows = rowsFromProposals([
      {
        kind: "deductible",
        scheme: null,
        service: "inpatient",
        level: "level1",
        population: "all",
        value: 200,
        approximate: false,
      },
      {
        kind: "reimbursementRatio",
        scheme: "resident",
        service: "inpatient",
        level: "level3",
        population: "all",
        value: 60,
        approximate: false,
      },
    ]);
    expect(parametersOf([...rows, emptyRow()])).toEqual({ ok: false, incomplete: [1, 3] });
    const chosen = rows.map((r) => ({ ...r, scheme: r.scheme ?? ("resident" as const) }));
    const saved = parametersOf(chosen);
    expect(saved.ok && saved.parameters.map((p) => [p.kind, p.scheme, p.level, p.value])).toEqual([
      ["deductible", "resident", "level1", 200],
      ["reimbursementRatio", "resident", "level3", 60],
    ]);
  });

  it("labels come from the domain; an undifferentiated dimension reads 不区分", () => {
    expect(schemeOptions.find((o) => o.value === "resident")?.label).toBe("城乡居民医保");
    expect(serviceOptions.find((o) => o.value === "any")?.label).toBe("不区分");
    expect([unitText("annualCap"), unitText("reimbursementRatio")]).toEqual(["元", "%"]);
  });
});

describe("a refusal's field, named as the form shows it", () => {
  it("names a parameter row and column, on create and on update, and the document's fields", () => {
    expect(policyFieldLabel(["parameters", "0", "value"])).toBe("参数表第1行数值");
    expect(policyFieldLabel(["data", "parameters", 2, "scheme"])).toBe("参数表第3行险种");
    expect(policyFieldLabel(["parameters", "4"])).toBe("参数表第5行");
    expect(policyFieldLabel(["supersedes"])).toBe("替代文件");
    expect(policyFieldLabel(["data", "effectiveTo"])).toBe("失效日期");
    expect(policyFieldLabel(["somethingElse", "x"])).toBe("somethingElse.x");
  });
});
