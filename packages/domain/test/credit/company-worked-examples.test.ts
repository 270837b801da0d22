import { describe, expect, it } from "vitest";
import { rateCompanies } from "../../src/credit/index.ts";
import { event } from "./company-fixtures.ts";

// NHSA Q2-2022 announcement (CCTV via ThePaper): both cumulative amounts fall in the 2020 50万–200万 band.
describe("worked examples from NHSA's Q2-2022 announcement", () => {
  it("云南同丰医药: 累计行贿60万元 → 严重 under the 2020 standard", () => {
    const e = event({
      companyId: "ytf",
      companyName: "云南同丰医药有限公司",
      province: "530000",
      amountYuan: 600_000,
    });
    const { ratings, issues } = rateCompanies([e], [], { year: 2022, quarter: 2 });
    expect(issues).toEqual([]);
    expect(ratings).toHaveLength(1);
    const r = ratings[0]!;
    expect(r.level).toEqual({ standard: "2020", code: "serious", label: "严重", severity: 3 });
    expect(r.reason).toBe("严重：累计行贿60万元，达到2020版裁量基准50万元档");
    expect(r.measures.map((m) => m.code)).toContain("cancel-case-products");
  });

  it("宁夏闽宁医药: 累计行贿114万元 → 严重 (below the 200万 特别严重 band)", () => {
    const e = event({
      companyId: "nxmn",
      companyName: "宁夏闽宁医药有限公司",
      province: "640000",
      amountYuan: 1_140_000,
    });
    const r = rateCompanies([e], [], { year: 2022, quarter: 2 }).ratings[0]!;
    expect(r.level?.label).toBe("严重");
    expect(r.reason).toBe("严重：累计行贿114万元，达到2020版裁量基准50万元档");
  });

  it("the same 114万 confirmed after Q3 2025 is 特别严重失信 under the 2025 standard (≥100万)", () => {
    const e = event({ amountYuan: 1_140_000, dateConfirmed: "2025-08-01" });
    const r = rateCompanies([e], [], { year: 2025, quarter: 3 }).ratings[0]!;
    expect(r.level).toEqual({ standard: "2025", code: "most-serious", label: "特别严重失信", severity: 4 });
    expect(r.reason).toBe("特别严重失信：累计行贿114万元，达到2025版裁量基准100万元档");
  });
});
