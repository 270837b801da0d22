import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  buildProcurementSection,
  deriveProcurementValue,
  nationalConsumableBatches,
  nationalDrugBatches,
  withDerivedObservations,
} from "../../src/procurement/index.ts";
import { buildPlanReport } from "../../src/report/index.ts";
import { parseTargetCell } from "../../src/target/index.ts";
import { impl, index } from "./helpers.ts";

const HUBEI = "420000";
const HUANGSHI = "420200";
const records = [
  impl("national-drug-01-ext", HUBEI, "2019-12-01"),
  impl("national-drug-02", HUBEI, "2020-04-01"),
  impl("national-drug-03", HUBEI, "2020-11-01"),
  impl("national-drug-04", HUBEI, "2021-05-01"),
  { ...impl("national-drug-05", HUANGSHI, "2021-10-01"), savingsWanYuan: 300.5, completionRatePct: 112 },
  impl("national-hvc-01", HUBEI, "2021-01-01"),
];
const batches = [...nationalDrugBatches, ...nationalConsumableBatches];
const targets = [
  {
    category: "drug" as const,
    indicatorName: "落实国家和省组织药品集中带量采购品种",
    target: parseTargetCell(">500 ^②"),
  },
  {
    category: "highValueConsumable" as const,
    indicatorName: "落实国家和省组织高值医用耗材集中带量采购品种",
    target: parseTargetCell(">5 ^③"),
  },
];

describe("procurement report section", () => {
  it("states the counts against the targets, the year's batches and the estimate note", () => {
    const s = buildProcurementSection({
      index: index(batches, records),
      jurisdictionCode: HUANGSHI,
      year: 2021,
      baselineYear: 2020,
      targets,
    });
    expect(s.key).toBe("procurement");
    expect(s.paragraphs).toEqual([
      "截至2021年12月31日，本地区累计落实国家和省级药品集中带量采购品种218个，较2020年末的112个增加106个；规划目标为“>500”（落实国家和省组织药品集中带量采购品种），尚差283个。",
      "截至2021年12月31日，本地区累计落实国家和省级高值医用耗材集中带量采购类别1类，较2020年末的0类增加1类；规划目标为“>5”（落实国家和省组织高值医用耗材集中带量采购品种），尚差5类。",
      "2021年新执行批次3个：第四批（国家组织，2021-05-01起执行，新增45个）、第五批（国家组织，2021-10-01起执行，新增61个）、第一批高值耗材（冠脉支架）（国家组织，2021-01-01起执行，新增1类）；已填报节约金额合计300.5万元。",
      "部分国家组织批次仅有公布的品种数量、未列明品种，按数量计入，无法与其他批次去重，相关累计数为估算。",
    ]);
    expect(s.tables[0]!.rows).toEqual([
      ["2020年", 112, 0],
      ["2021年", 218, 1],
    ]);
    expect(s.tables[1]!.rows[1]).toEqual(["第五批", "国家组织", "药品", "2021-10-01", 61, null, 112, 300.5]);
  });

  it("says when the target is met and lists a disagreeing manual value", () => {
    const all = [...nationalDrugBatches.map((b) => impl(b.id, HUBEI, "2025-11-30"))];
    const ix = index(batches, all);
    const derived = Result.getOrThrow(
      deriveProcurementValue({ indicatorId: "d", category: "drug" }, HUANGSHI, 2025, ix),
    );
    const { checks } = withDerivedObservations(
      [
        {
          indicatorId: "d",
          year: 2025,
          value: { kind: "number", value: 500 },
          source: null,
          note: null,
          recordedBy: null,
          recordedAt: null,
        },
      ],
      [derived],
    );
    const s = buildProcurementSection({
      index: ix,
      jurisdictionCode: HUANGSHI,
      year: 2025,
      baselineYear: 2020,
      targets: [{ ...targets[0]!, target: parseTargetCell("≥450") }],
      checks,
    });
    expect(s.paragraphs[0]).toContain(
      "药品集中带量采购品种491个，较2020年末的0个增加491个；规划目标为“≥450”（落实国家和省组织药品集中带量采购品种），已达到目标。",
    );
    expect(s.paragraphs.at(-1)).toBe(
      "填报核对：2025年手工填报值500个与按集采执行记录推算的491个不一致（推算值含估算部分），请核对。",
    );
  });

  it("fills the report model's procurement slot", () => {
    const section = buildProcurementSection({
      index: index(batches, records),
      jurisdictionCode: HUANGSHI,
      year: 2021,
      baselineYear: 2020,
      targets,
    });
    const report = buildPlanReport({
      plan: {
        id: "p",
        jurisdictionCode: HUANGSHI,
        title: "黄石市医疗保障事业发展“十四五”规划",
        issuer: null,
        documentNumber: null,
        issueDate: null,
        periodStart: 2021,
        periodEnd: 2025,
        baselineYear: 2020,
        status: "published",
        parentPlanId: null,
        revision: 1,
      },
      jurisdiction: { code: HUANGSHI, name: "黄石市", level: "city", parentCode: HUBEI },
      indicators: [],
      observations: [],
      tasks: [],
      projects: [],
      year: 2021,
      kind: "annual",
      procurement: section,
    });
    // The report speaks of the jurisdiction in its own word (全市), never "本地区".
    expect(report.procurement).toEqual({
      ...section,
      paragraphs: section.paragraphs.map((p) => p.replaceAll("本地区", "全市")),
    });
  });
});
