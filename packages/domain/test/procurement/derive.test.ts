import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { Observation } from "../../src/observation/index.ts";
import {
  checkManualObservation,
  type DerivedProcurementValue,
  derivedObservationSource,
  deriveProcurementValue,
  indexProcurementData,
  nationalDrugBatches,
  procurementCategoryForIndicatorName,
  toObservation,
  withDerivedObservations,
} from "../../src/procurement/index.ts";
import { data, drug, impl, listedDrugBatch } from "./helpers.ts";

const HUBEI = "420000";
const HUANGSHI = "420200";
const binding = { indicatorId: "hs-vbp-drug", category: "drug" as const };
const hubei = data(nationalDrugBatches, [
  impl("national-drug-01-ext", HUBEI, "2019-12-01"),
  impl("national-drug-02", HUBEI, "2020-04-01"),
  impl("national-drug-03", HUBEI, "2020-11-01"),
  impl("national-drug-04", HUBEI, "2021-05-01"),
]);

function derive(year: number, d = hubei): DerivedProcurementValue {
  const r = deriveProcurementValue(binding, HUANGSHI, year, d);
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
}

const manual = (year: number, value: number): Observation => ({
  indicatorId: binding.indicatorId,
  year,
  value: { kind: "number", value },
  source: "手工填报",
  note: null,
  recordedBy: "黄石市医保局",
  recordedAt: "2021-01-15T09:00:00+08:00",
});

describe("deriveProcurementValue", () => {
  it("gives Huangshi's 2020 baseline of 112 with its derivation and estimate flags", () => {
    const d = derive(2020);
    expect(d).toMatchObject({ value: 112, unit: "个", asOf: "2020-12-31", estimated: true, year: 2020 });
    expect(d.derivation.map((c) => c.batchName)).toEqual(["第一批扩围", "第二批", "第三批"]);
    expect(d.estimateReasons).toHaveLength(3);
    expect(d.estimateReasons[1]).toContain("“第二批”仅有公布的数量（32个）");
    expect(d.explanation).toBe(
      "截至2020年12月31日，本地区已执行国家组织3个批次，合计药品集中带量采购品种112个；部分批次仅有公布数量，结果为估算。",
    );
  });

  it("moves with the year: batch 4 counts from 2021", () => {
    expect(derive(2021).value).toBe(157);
    expect(derive(2019).value).toBe(25);
  });

  it("says when nothing was implemented and when repeats were merged", () => {
    expect(derive(2018).explanation).toBe(
      "截至2018年12月31日，本地区无已执行的药品集中带量采购品种记录，计为0个。",
    );
    const listed = data(
      [
        listedDrugBatch("n", "national", [drug("氨氯地平", "oralImmediate")]),
        listedDrugBatch(
          "p",
          "provincial",
          [drug("氨氯地平", "oralImmediate"), drug("布洛芬", "oralModified")],
          [HUBEI],
        ),
      ],
      [impl("n", HUBEI, "2021-01-01"), impl("p", HUANGSHI, "2021-02-01")],
    );
    const d = derive(2021, listed);
    expect(d.value).toBe(2);
    expect(d.estimated).toBe(false);
    expect(d.explanation).toBe(
      "截至2021年12月31日，本地区已执行国家组织、省级2个批次，合计药品集中带量采购品种2个，重复品种1个只计一次。",
    );
  });

  it("accepts a prebuilt index and fails with the data error otherwise", () => {
    const ix = indexProcurementData(hubei);
    expect(Result.isSuccess(ix)).toBe(true);
    if (Result.isSuccess(ix))
      expect(Result.getOrThrow(deriveProcurementValue(binding, HUANGSHI, 2020, ix.success)).value).toBe(112);
    const broken = data(nationalDrugBatches, [impl("no-such-batch", HUBEI, "2020-01-01")]);
    const r = deriveProcurementValue(binding, HUANGSHI, 2020, broken);
    expect(Result.isFailure(r) && r.failure._tag).toBe("ProcurementDataError");
  });
});

describe("manual values that disagree", () => {
  it("agrees with an equal manual value and flags a different one", () => {
    const d = derive(2020);
    expect(checkManualObservation(d, manual(2020, 112))).toEqual({
      status: "agrees",
      derived: 112,
      manual: 112,
    });
    const off = checkManualObservation(d, manual(2020, 115));
    expect(off).toMatchObject({ status: "disagrees", derived: 112, manual: 115, difference: 3 });
    if (off.status === "disagrees") {
      expect(off.message).toBe(
        "2020年手工填报值115个与按集采执行记录推算的112个不一致（推算值含估算部分），请核对",
      );
    }
  });

  it("ignores values of another indicator or year, and flags a text value", () => {
    const d = derive(2020);
    expect(checkManualObservation(d, manual(2021, 1)).status).toBe("noManualValue");
    expect(checkManualObservation(d, { ...manual(2020, 1), indicatorId: "other" }).status).toBe(
      "noManualValue",
    );
    expect(checkManualObservation(d, null).status).toBe("noManualValue");
    expect(
      checkManualObservation(d, { ...manual(2020, 0), value: { kind: "text", text: "百余个" } }).status,
    ).toBe("notNumeric");
  });
});

describe("observation adapter", () => {
  it("turns a derived value into a valid Observation that names its source", () => {
    const o = toObservation(derive(2020));
    expect(Observation.parse(o)).toEqual(o);
    expect(o).toMatchObject({
      indicatorId: "hs-vbp-drug",
      year: 2020,
      value: { kind: "number", value: 112 },
    });
    expect(o.source).toBe(derivedObservationSource);
    expect(o.note).toContain("属估算");
    // The count-only batches are named once in one sentence, not one clause per batch.
    expect(o.note).toContain("其中“第一批扩围”、“第二批”、“第三批”仅有公布的数量（分别为");
    expect(o.note!.match(/仅有公布的数量/g)).toHaveLength(1);
  });

  it("replaces manual values for derived slots, keeps the others, and returns the checks", () => {
    const other: Observation = { ...manual(2020, 97), indicatorId: "participation" };
    const { observations, checks } = withDerivedObservations(
      [manual(2020, 115), manual(2021, 157), other],
      [derive(2020), derive(2021)],
    );
    expect(observations.map((o) => [o.indicatorId, o.year, o.value])).toEqual([
      ["participation", 2020, { kind: "number", value: 97 }],
      ["hs-vbp-drug", 2020, { kind: "number", value: 112 }],
      ["hs-vbp-drug", 2021, { kind: "number", value: 157 }],
    ]);
    expect(checks.map((c) => c.check.status)).toEqual(["disagrees", "agrees"]);
  });
});

describe("recognising procurement-count indicators by name", () => {
  it.each([
    ["药品集中带量采购品种", "drug"],
    ["落实国家和省组织药品集中带量采购品种", "drug"],
    ["藥品集中帶量採購品種", "drug"],
    ["高值医用耗材集中带量采购品种", "highValueConsumable"],
    ["落实国家和省组织高值医用耗材集中带量采购品种", "highValueConsumable"],
    ["高值醫用耗材集中帶量採購品種", "highValueConsumable"],
    ["公立医疗机构通过省级集中采购平台采购药品金额占全部采购药品(不含中药饮片)金额的比例", null],
    ["基本医疗保险参保率", null],
    // 湖南: one row, two counts (药品500个品种以上, 高值医用耗材5类以上): no single count to derive.
    ["药品、医用耗材集中带量采购品种", null],
    ["药品和高值医用耗材集中带量采购品种", null],
  ])("%s → %s", (name, expected) => {
    expect(procurementCategoryForIndicatorName(name)).toBe(expected);
  });
});
