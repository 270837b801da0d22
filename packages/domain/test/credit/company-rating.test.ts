import { describe, expect, it } from "vitest";
import {
  CreditRepair,
  type CreditRepairInput,
  latestConfirmed,
  nationalRollup,
  rateCompanies,
  ratingHistory,
  riskWarningList,
} from "../../src/credit/index.ts";
import { event } from "./company-fixtures.ts";

const repair = (over: Partial<CreditRepairInput>) =>
  CreditRepair.parse({ id: "r1", companyId: "c1", province: "530000", date: "2023-01-15", ...over });

describe("expiry", () => {
  // Validity is 3 years from confirmation (a documented [U] default in the standard data).
  const e = event({ amountYuan: 600_000, dateConfirmed: "2022-05-10" });

  it("the level holds until three years after confirmation", () => {
    const r = rateCompanies([e], [], { year: 2025, quarter: 1 }).ratings[0]!;
    expect(r.level?.label).toBe("严重");
    expect(r.expiresOn).toBe("2025-05-10");
  });

  it("and is gone in the quarter it expires, the record kept as expired", () => {
    const r = rateCompanies([e], [], { year: 2025, quarter: 2 }).ratings[0]!;
    expect(r.level).toBeNull();
    expect(r.cases[0]!.status).toBe("expired");
    expect(r.reason).toBe("失信记录已过有效期，不再计入评级");
  });

  it("a 2020 rating stays in force through the 2025 transition until it expires", () => {
    const r = rateCompanies([e], [], { year: 2025, quarter: 1 }).ratings[0]!;
    expect(r.level?.standard).toBe("2020");
    const later = event({ amountYuan: 600_000, dateConfirmed: "2025-03-20" });
    const q4 = rateCompanies([later], [], { year: 2025, quarter: 4 }).ratings[0]!;
    expect(q4.level).toEqual({ standard: "2020", code: "serious", label: "严重", severity: 3 });
  });

  it("events confirmed after the quarter are not yet counted", () => {
    expect(rateCompanies([e], [], { year: 2022, quarter: 1 }).ratings).toEqual([]);
  });
});

describe("repair and 清零", () => {
  const e = event({ amountYuan: 600_000, dateConfirmed: "2022-05-10", caseRef: "A" });

  it("a repair clears the level from its date", () => {
    const rs = [repair({ caseRef: "A", date: "2023-02-01" })];
    expect(rateCompanies([e], rs, { year: 2022, quarter: 4 }).ratings[0]!.level?.label).toBe("严重");
    const r = rateCompanies([e], rs, { year: 2023, quarter: 1 }).ratings[0]!;
    expect(r.level).toBeNull();
    expect(r.cases[0]!.status).toBe("cleared");
    expect(r.reason).toBe("失信等级已修复清零");
  });

  it("a company-wide repair covers cases confirmed before it, not later ones", () => {
    const later = event({ amountYuan: 20_000, dateConfirmed: "2023-06-01", caseRef: "B" });
    const r = rateCompanies([e, later], [repair({ date: "2023-02-01" })], { year: 2023, quarter: 3 })
      .ratings[0]!;
    expect(r.level?.label).toBe("一般");
  });

  it("with the lower-one policy a repair lowers the level by one step", () => {
    const r = rateCompanies(
      [e],
      [repair({ caseRef: "A" })],
      { year: 2023, quarter: 1 },
      {
        policy: { combine: latestConfirmed, repairEffect: "lower-one" },
      },
    ).ratings[0]!;
    expect(r.level?.label).toBe("中等");
    expect(r.reason).toContain("已修复，由原等级下调一级");
  });

  it("under 2025 a repair must complete the required correction measures", () => {
    const big = event({ amountYuan: 1_500_000, dateConfirmed: "2025-08-01", caseRef: "X" });
    const partial = repair({ caseRef: "X", date: "2025-09-01", measuresCompleted: [1, 2] });
    const run = rateCompanies([big], [partial], { year: 2025, quarter: 3 });
    expect(run.ratings[0]!.level?.label).toBe("特别严重失信");
    expect(run.issues).toHaveLength(1);
    expect(run.issues[0]!._tag).toBe("RepairIncomplete");
    expect(run.issues[0]!.message).toContain("③④⑤⑥");
    const full = repair({ caseRef: "X", date: "2025-09-01", measuresCompleted: [1, 2, 3, 4, 5, 6] });
    expect(rateCompanies([big], [full], { year: 2025, quarter: 3 }).ratings[0]!.level).toBeNull();
  });
});

describe("combining a company's cases (policy)", () => {
  const a = event({ amountYuan: 600_000, dateConfirmed: "2022-05-10", caseRef: "A" });
  const b = event({ amountYuan: 20_000, dateConfirmed: "2023-01-10", caseRef: "B" });

  it("default: the highest unexpired level wins and the reason counts the others", () => {
    const r = rateCompanies([a, b], [], { year: 2023, quarter: 1 }).ratings[0]!;
    expect(r.level?.label).toBe("严重");
    expect(r.reason).toBe("严重：累计行贿60万元，达到2020版裁量基准50万元档（另有1项有效失信记录）");
  });

  it("when the serious case expires the lower one remains", () => {
    const r = rateCompanies([a, b], [], { year: 2025, quarter: 3 }).ratings[0]!;
    expect(r.level?.label).toBe("一般");
  });

  it("the policy parameter changes the rule (latest confirmed wins)", () => {
    const r = rateCompanies(
      [a, b],
      [],
      { year: 2023, quarter: 1 },
      {
        policy: { combine: latestConfirmed, repairEffect: "clear" },
      },
    ).ratings[0]!;
    expect(r.level?.label).toBe("一般");
  });

  it("events of one case add up; other provinces are rated separately", () => {
    const p1 = event({ amountYuan: 300_000, caseRef: "S", largestSingleYuan: 50_000 });
    const p2 = event({ amountYuan: 300_000, caseRef: "S", largestSingleYuan: 50_000 });
    const other = event({ amountYuan: 300_000, caseRef: "S", province: "640000", largestSingleYuan: 50_000 });
    const { ratings } = rateCompanies([p1, p2, other], [], { year: 2022, quarter: 2 });
    const yn = ratings.find((r) => r.province === "530000")!;
    const nx = ratings.find((r) => r.province === "640000")!;
    expect(yn.level?.label).toBe("严重");
    expect(yn.reason).toBe("严重：累计行贿60万元，达到2020版裁量基准50万元档");
    expect(nx.level?.label).toBe("中等");
  });

  it("a revoked judgment stops counting", () => {
    const r = event({ amountYuan: 600_000, revokedOn: "2022-09-01" });
    expect(rateCompanies([r], [], { year: 2022, quarter: 2 }).ratings[0]!.level?.label).toBe("严重");
    const after = rateCompanies([r], [], { year: 2022, quarter: 3 }).ratings[0]!;
    expect(after.level).toBeNull();
    expect(after.cases[0]!.status).toBe("revoked");
  });

  it("bad events are reported as typed issues without stopping the run", () => {
    const bad = event({ companyId: "c2", category: "monopoly", amountYuan: null });
    const run = rateCompanies([a, bad], [], { year: 2022, quarter: 2 });
    expect(run.ratings.find((r) => r.companyId === "c1")!.level?.label).toBe("严重");
    expect(run.issues.map((i) => i._tag)).toEqual(["MissingAssessment"]);
  });
});

describe("disposal measures", () => {
  it("a 2025 特别严重失信 distributor gets the 5-year distribution suspension, not the manufacturer measure", () => {
    const d = event({ companyRole: "distributor", amountYuan: 1_000_000, dateConfirmed: "2025-07-15" });
    const codes = rateCompanies([d], [], { year: 2025, quarter: 3 }).ratings[0]!.measures.map((m) => m.code);
    expect(codes).toContain("suspend-distribution-5y");
    expect(codes).not.toContain("suspend-all-products-province");
    expect(codes).not.toContain("suspend-distribution-1y");
  });

  it("a 2020 特别严重 manufacturer loses listing of all products", () => {
    const m = event({ amountYuan: 2_000_000 });
    const codes = rateCompanies([m], [], { year: 2022, quarter: 2 }).ratings[0]!.measures.map((x) => x.code);
    expect(codes).toEqual(["risk-notice", "cancel-all-products", "national-disclosure"]);
  });
});

describe("national roll-up and risk-warning list", () => {
  const provinces = ["110000", "120000", "130000", "140000", "150000"];
  const events = [
    ...provinces.map((p) =>
      event({ companyId: "big", companyName: "甲药业", province: p, amountYuan: 2_500_000 }),
    ),
    event({ companyId: "mid", companyName: "乙药业", province: "110000", amountYuan: 600_000 }),
    event({ companyId: "mid", companyName: "乙药业", province: "120000", amountYuan: 2_000_000 }),
    event({ companyId: "low", companyName: "丙药业", province: "110000", amountYuan: 50_000 }),
  ];
  const q = { year: 2022, quarter: 2 };
  const { ratings } = rateCompanies(events, [], q);

  it("lists 严重 and 特别严重 once per company under its highest level", () => {
    const roll = nationalRollup(ratings, q);
    expect(roll.mostSerious.map((e) => e.companyName).sort()).toEqual(["乙药业", "甲药业"]);
    expect(roll.serious).toEqual([]);
    const mid = roll.mostSerious.find((e) => e.companyId === "mid")!;
    expect(mid.provinces.map((p) => p.level.label)).toEqual(["严重", "特别严重"]);
    expect(roll.byStandard).toEqual({ "2020": 2 });
  });

  it("the risk-warning list needs 特别严重 in five provinces", () => {
    expect(riskWarningList(ratings).map((e) => e.companyId)).toEqual(["big"]);
    expect(riskWarningList(ratings, { minProvinces: 6 })).toEqual([]);
  });
});

describe("history", () => {
  it("shows each quarter's level with its reason", () => {
    const e = event({ amountYuan: 600_000, dateConfirmed: "2022-05-10" });
    const h = ratingHistory([e], [], { year: 2022, quarter: 1 }, { year: 2025, quarter: 2 });
    expect(h).toHaveLength(14);
    const levels = h.map((x) => x.run.ratings[0]?.level?.label ?? "—");
    expect(levels[0]).toBe("—");
    expect(levels.slice(1, 13).every((l) => l === "严重")).toBe(true);
    expect(levels[13]).toBe("—");
  });
});
