import { importCompanyEvents } from "@ybplan/domain/credit";
import { describe, expect, it } from "vitest";
import {
  bytesToBase64,
  companyEventTemplate,
  gradeColor,
  parseQuarter,
  ratingsProvince,
  recentQuarters,
  severityColor,
  withQuarter,
} from "../src/features/credit/model.ts";

describe("credit screen helpers", () => {
  it("reads ratings of the user's own province (a county's or city's staff), all provinces nationally", () => {
    expect(ratingsProvince("341723")).toBe("340000");
    expect(ratingsProvince("420200")).toBe("420000");
    expect(ratingsProvince("440000")).toBe("440000");
    expect(ratingsProvince(null)).toBeUndefined();
  });

  it("lists recent quarters newest first across a year boundary", () => {
    expect(recentQuarters(new Date(2026, 1, 15), 3).map((q) => q.label)).toEqual([
      "2026年第1季度",
      "2025年第4季度",
      "2025年第3季度",
    ]);
  });

  it("reads a quarter from the address and adds it to the list in order", () => {
    expect(parseQuarter("2022Q2")).toEqual({ year: 2022, quarter: 2, label: "2022年第2季度" });
    expect(parseQuarter("2022Q5")).toBeNull();
    const list = withQuarter(recentQuarters(new Date(2026, 1, 15), 2), parseQuarter("2022Q2"));
    expect(list.map((q) => q.label)).toEqual(["2026年第1季度", "2025年第4季度", "2022年第2季度"]);
    expect(withQuarter(list, parseQuarter("2025Q4"))).toHaveLength(3);
  });

  it("colours levels by severity and grades from best to worst", () => {
    expect([null, 1, 2, 3, 4].map(severityColor)).toEqual(["default", "gold", "orange", "volcano", "red"]);
    expect([0, 1, 2, 3].map((i) => gradeColor(i, 4))).toEqual(["green", "blue", "orange", "red"]);
    expect([0, 4].map((i) => gradeColor(i, 5))).toEqual(["green", "red"]);
  });

  it("ships a template whose header the server importer accepts", () => {
    const [head, ...lines] = companyEventTemplate.trim().split("\n");
    const table = {
      header: head!.split(","),
      rows: lines.map((l, i) => ({ line: i + 2, cells: l.split(",") })),
    };
    const { events, issues } = importCompanyEvents(table);
    expect(issues).toEqual([]);
    expect(events[0]).toMatchObject({ category: "bribery", amountYuan: 600_000, province: "530000" });
    expect(atob(bytesToBase64(new TextEncoder().encode("abc")))).toBe("abc");
  });
});
