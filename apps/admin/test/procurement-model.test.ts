import { describe, expect, it } from "vitest";
import { bytesToBase64, countChartSeries, meetsTarget } from "../src/features/procurement/model.ts";

describe("procurement chart model", () => {
  const points = [
    { year: 2020, value: 112, estimated: true },
    { year: 2021, value: 218, estimated: true },
    { year: 2022, value: 300, estimated: false },
  ];

  it("draws the target as a labelled line and marks estimated years", () => {
    const s = countChartSeries(points, { value: 500, op: "gt", periodEnd: 2025 }, "个");
    expect(s.years).toEqual(["2020", "2021", "2022"]);
    expect(s.values).toEqual([112, 218, 300]);
    expect(s.estimatedYears).toEqual(["2020", "2021"]);
    expect(s.target).toEqual({ value: 500, label: "2025年目标 >500个", periodEnd: 2025 });
    expect(countChartSeries(points, { value: null, op: null, periodEnd: 2025 }, "个").target).toBeNull();
  });

  it("judges the strict and inclusive targets", () => {
    expect(meetsTarget(500, { value: 500, op: "gt", periodEnd: 2025 })).toBe(false);
    expect(meetsTarget(501, { value: 500, op: "gt", periodEnd: 2025 })).toBe(true);
    expect(meetsTarget(5, { value: 5, op: "gte", periodEnd: 2025 })).toBe(true);
    expect(meetsTarget(5, null)).toBeNull();
  });

  it("encodes large uploads to base64 without overflowing", () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    expect(Buffer.from(bytesToBase64(bytes), "base64").equals(Buffer.from(bytes))).toBe(true);
  });
});
