import { describe, expect, it } from "vitest";
import {
  emptyRow,
  parametersOf,
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
