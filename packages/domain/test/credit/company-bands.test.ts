import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  type CaseFacts,
  defaultStandards,
  rateCase,
  rateUnder,
  standard2020,
  standard2025,
} from "../../src/credit/index.ts";

const std2020 = defaultStandards.byId.get("2020")!;
const std2025 = defaultStandards.byId.get("2025")!;

function facts(over: Partial<CaseFacts>): CaseFacts {
  return {
    caseRef: "k",
    firstEventId: "e",
    category: "bribery",
    amountYuan: null,
    largestSingleYuan: null,
    circumstances: [],
    assessedLevel: null,
    ...over,
  };
}
function label(std: typeof std2020, f: Partial<CaseFacts>): string | null {
  const r = rateUnder(std, facts(f));
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success.level?.label ?? null;
}

describe("2020 bribery bands", () => {
  it.each([
    [9_999, null],
    [10_000, "一般"],
    [99_999, "一般"],
    [100_000, "中等"],
    [299_999, "中等"],
    [300_000, "严重"],
    [1_999_999, "严重"],
    [2_000_000, "特别严重"],
  ])("single payment %d → %s", (single, expected) => {
    expect(label(std2020, { amountYuan: single, largestSingleYuan: single })).toBe(expected);
  });

  it.each([
    [499_999, "中等"],
    [500_000, "严重"],
    [1_999_999, "严重"],
    [2_000_000, "特别严重"],
  ])("cumulative %d (no single payment known) → %s", (total, expected) => {
    expect(label(std2020, { amountYuan: total })).toBe(expected);
  });

  it("a 30万 single payment makes a 40万 case 严重 though the cumulative band is 50万", () => {
    const r = rateUnder(std2020, facts({ amountYuan: 400_000, largestSingleYuan: 300_000 }));
    expect(Result.getOrThrow(r).reason).toBe("严重：单笔行贿30万元，达到2020版裁量基准30万元档");
  });
});

describe("2025 bands", () => {
  it.each([
    [9_999, null],
    [10_000, "失信"],
    [499_999, "失信"],
    [500_000, "严重失信"],
    [999_999, "严重失信"],
    [1_000_000, "特别严重失信"],
  ])("cumulative bribery %d → %s", (total, expected) => {
    expect(label(std2025, { amountYuan: total })).toBe(expected);
  });

  it.each([
    [49_999, null],
    [50_000, "失信"],
    [500_000, "严重失信"],
    [2_499_999, "严重失信"],
    [2_500_000, "特别严重失信"],
  ])("tax %d → %s", (total, expected) => {
    expect(label(std2025, { category: "tax", amountYuan: total })).toBe(expected);
  });

  it.each([
    [99_999, null],
    [100_000, "一般"],
    [999_999, "一般"],
    [1_000_000, "严重"],
    [10_000_000, "特别严重"],
  ])("2020 tax %d → %s", (total, expected) => {
    expect(label(std2020, { category: "tax", amountYuan: total })).toBe(expected);
  });

  it("顶格评定: bribing medical-security staff is 特别严重失信 whatever the amount", () => {
    const r = Result.getOrThrow(
      rateUnder(std2025, facts({ amountYuan: 20_000, circumstances: ["bribed-medical-security-staff"] })),
    );
    expect(r.level?.label).toBe("特别严重失信");
    expect(r.reason).toBe("特别严重失信：向医保部门（含集采机构）工作人员行贿，按2025版裁量基准顶格评定");
  });

  it("a circumstance restricted to bribery does not apply to a tax case", () => {
    expect(
      label(std2025, {
        category: "tax",
        amountYuan: 60_000,
        circumstances: ["bribed-medical-security-staff"],
      }),
    ).toBe("失信");
  });
});

describe("categories and assessments", () => {
  it("conduct judged on circumstances needs the agency's level", () => {
    const r = rateUnder(std2020, facts({ category: "breach-of-contract" }));
    expect(Result.isFailure(r) && r.failure._tag).toBe("MissingAssessment");
  });

  it("an assessed level rates it (中药饮片 refusing to supply after winning → 严重)", () => {
    const r = Result.getOrThrow(
      rateUnder(std2020, facts({ category: "breach-of-contract", assessedLevel: "serious" })),
    );
    expect(r.reason).toBe("严重：省级集中采购机构按性质、情节认定（恶意违反合同约定）");
  });

  it("2020 category codes resolve in the 2025 list through aliases", () => {
    const r = Result.getOrThrow(
      rateUnder(std2025, facts({ category: "monopoly", assessedLevel: "serious" })),
    );
    expect(r.level?.label).toBe("严重失信");
    expect(r.reason).toContain("价格垄断");
  });

  it("an unknown category or level is a typed failure", () => {
    const a = rateUnder(std2020, facts({ category: "littering", amountYuan: 1 }));
    expect(Result.isFailure(a) && a.failure._tag).toBe("UnknownCategory");
    const b = rateUnder(std2020, facts({ category: "monopoly", assessedLevel: "catastrophic" }));
    expect(Result.isFailure(b) && b.failure._tag).toBe("UnknownLevel");
  });
});

describe("the Q3 2025 transition (announcement No. 15 注1)", () => {
  const q2 = { year: 2025, quarter: 2 };
  const q3 = { year: 2025, quarter: 3 };

  it("before Q3 2025 a case is rated by 2020 even where 2025 would be harsher", () => {
    const r = Result.getOrThrow(rateCase(defaultStandards, facts({ amountYuan: 1_200_000 }), q2));
    expect(r.standard.id).toBe("2020");
    expect(r.level?.label).toBe("严重");
  });

  it("from Q3 2025 serious levels come from 2025", () => {
    const r = Result.getOrThrow(rateCase(defaultStandards, facts({ amountYuan: 600_000 }), q3));
    expect(r.standard.id).toBe("2025");
    expect(r.level?.label).toBe("严重失信");
  });

  it("from Q3 2025 the lower level comes from 2020, with a note", () => {
    const r = Result.getOrThrow(rateCase(defaultStandards, facts({ amountYuan: 200_000 }), q3));
    expect(r.standard.id).toBe("2020");
    expect(r.level?.label).toBe("中等");
    expect(r.reason).toContain("过渡期：严重失信、特别严重失信按2025版评定，较低等级按2020版评定");
  });

  it("a 2020 serious level that 2025 does not confirm is capped below serious", () => {
    // 单笔30万 is 严重 under 2020 but 40万 cumulative is only 失信 under 2025.
    const r = Result.getOrThrow(
      rateCase(defaultStandards, facts({ amountYuan: 400_000, largestSingleYuan: 300_000 }), q3),
    );
    expect(r.level?.label).toBe("中等");
    expect(r.reason).toContain("2020版将评为严重");
  });

  it("an amount 2025 rates 失信 but 2020 does not rate stays unrated during the transition", () => {
    const r = Result.getOrThrow(
      rateCase(defaultStandards, facts({ category: "tax", amountYuan: 60_000 }), q3),
    );
    expect(r.level).toBeNull();
  });
});

describe("shipped data", () => {
  it("both standards parse and pass their cross-checks", () => {
    expect(defaultStandards.versions.map((v) => v.id)).toEqual(["2020", "2025"]);
    expect(standard2020.levels.map((l) => l.label)).toEqual(["一般", "中等", "严重", "特别严重"]);
    expect(standard2025.levels.map((l) => l.label)).toEqual(["失信", "严重失信", "特别严重失信"]);
  });
});
