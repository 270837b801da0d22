import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  buildCreditSection,
  DeductionEvent,
  gradeDistribution,
  gradeInstitutions,
  neiMongol2026,
  parseRuleSet,
  rateCompanies,
  StaffScoring,
  staffStandings,
} from "../../src/credit/index.ts";
import { event } from "./company-fixtures.ts";

const nm = Result.getOrThrow(parseRuleSet({ ...neiMongol2026, effectiveFrom: "2024-01-01" }));
const insts = ["a", "b", "c", "d"].map((id) => ({
  id,
  name: id,
  kind: "medical" as const,
  jurisdiction: "150200",
  designatedSince: "2015-01-01",
}));
const ded = (id: string, institutionId: string, points: number, date: string) =>
  DeductionEvent.parse({ id, institutionId, itemCode: "fraud", points, date });

describe("credit report section", () => {
  const y2025 = gradeInstitutions(
    nm,
    insts,
    [ded("1", "a", 40, "2025-03-01"), ded("2", "b", 15, "2025-03-01")],
    2025,
  ).results;
  const y2026 = gradeInstitutions(nm, insts, [ded("3", "a", 15, "2026-03-01")], 2026).results;
  const dist = gradeDistribution([...y2025, ...y2026], ["A", "B", "C", "D"]);

  it("writes the grade distribution with the change on the previous year", () => {
    const s = buildCreditSection({
      jurisdictionName: "包头市",
      year: 2026,
      institutions: { ruleSetName: nm.name, gradeOrder: ["A", "B", "C", "D"], distributions: dist },
    });
    expect(s.key).toBe("credit");
    expect(s.paragraphs[0]).toBe(
      "2026年，包头市共4家定点医药机构参加信用评价（内蒙古自治区医疗保障信用评价（“1+3”模式）），其中A级3家（75%）、B级1家（25%）、C级0家（0%）、D级0家（0%）；A级占比较上年提高25个百分点，D级占比较上年下降25个百分点。",
    );
    expect(s.tables[0]!.rows).toEqual([
      ["2025年", 4, 2, 1, 0, 1, "50%"],
      ["2026年", 4, 3, 1, 0, 0, "75%"],
    ]);
  });

  it("lists serious companies with their reasons and summarises staff points", () => {
    const ratings = rateCompanies(
      [
        event({ companyName: "云南同丰医药有限公司", amountYuan: 600_000, dateConfirmed: "2025-05-10" }),
        event({ companyId: "c2", amountYuan: 20_000, dateConfirmed: "2025-05-10" }),
      ],
      [],
      { year: 2025, quarter: 4 },
    ).ratings;
    const staff = staffStandings(
      [
        StaffScoring.parse({
          id: "s1",
          personId: "p",
          personName: "某村医",
          institutionId: "a",
          points: 10,
          date: "2025-04-10",
          act: "x",
        }),
        StaffScoring.parse({
          id: "s2",
          personId: "p",
          personName: "某村医",
          institutionId: "a",
          points: 4,
          date: "2025-08-20",
          act: "y",
        }),
        StaffScoring.parse({
          id: "s3",
          personId: "q",
          personName: "某药师",
          institutionId: "b",
          points: 3,
          date: "2025-08-20",
          act: "z",
        }),
      ],
      "2025-12-31",
    ).standings;
    const s = buildCreditSection({ jurisdictionName: "云南省", year: 2025, companyRatings: ratings, staff });
    expect(s.paragraphs).toEqual([
      "2025年末，本省医药价格和招采信用评价中处于失信等级的医药企业2家，其中严重及以上1家（特别严重0家），已按等级采取提醒告诫、提示风险、取消或中止挂网等处置措施。",
      "2025年对定点医药机构相关人员2人记分、合计17分，暂停医保支付资格1人，终止1人。",
    ]);
    expect(s.tables[0]!.rows).toEqual([
      ["云南同丰医药有限公司", "严重", "严重：累计行贿60万元，达到2020版裁量基准50万元档", "2028-05-10"],
    ]);
    expect(s.tables[1]!.rows).toEqual([
      ["1–8分", 1],
      ["9–11分（暂停）", 0],
      ["12分及以上（终止）", 1],
    ]);
  });
});
