import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { evaluateIndicator, type IndicatorForEvaluation } from "../../src/evaluation/index.ts";
import {
  deriveProcurementValue,
  nationalDrugBatches,
  type ProcurementData,
  withDerivedObservations,
} from "../../src/procurement/index.ts";
import { parseTargetCell } from "../../src/target/index.ts";
import { data, drug, impl, listedDrugBatch } from "./helpers.ts";

// Huangshi's row: 落实国家和省组织药品集中带量采购品种（个） 112 → >500 ^② (预期性).
const indicator: IndicatorForEvaluation = {
  id: "hs-vbp-drug",
  name: "落实国家和省组织药品集中带量采购品种",
  unit: "个",
  baseline: parseTargetCell("112"),
  target: parseTargetCell(">500 ^②"),
  attribute: "expected",
  direction: "higher",
  assessment: "endOfPeriod",
};
const binding = { indicatorId: indicator.id, category: "drug" as const };
const HUBEI = "420000";
const HUANGSHI = "420200";

const nationalInHubei = nationalDrugBatches.map((b) =>
  impl(b.id, HUBEI, b.announced.length === 7 ? `${b.announced}-28` : b.announced),
);

function evaluate2025(d: ProcurementData, manualValue?: number) {
  const derived = Result.getOrThrow(deriveProcurementValue(binding, HUANGSHI, 2025, d));
  const manual =
    manualValue === undefined
      ? []
      : [
          {
            indicatorId: indicator.id,
            year: 2025,
            value: { kind: "number" as const, value: manualValue },
            source: "手工填报",
            note: null,
            recordedBy: null,
            recordedAt: null,
          },
        ];
  const { observations, checks } = withDerivedObservations(manual, [derived]);
  return { derived, checks, evaluation: evaluateIndicator({ indicator, observations, year: 2025 }) };
}

describe("derived procurement values in the evaluation engine", () => {
  it("judges the national batches alone (491 by count) as missing >500", () => {
    const { derived, evaluation } = evaluate2025(data(nationalDrugBatches, nationalInHubei));
    expect(derived.value).toBe(491);
    expect(evaluation.inputs.actual).toBe(491);
    expect(evaluation.verdict).toBe("missed");
  });

  it("reaches the target once Hubei's own round adds distinct varieties, and flags the manual figure", () => {
    const hubeiRound = listedDrugBatch(
      "hubei-1",
      "provincial",
      Array.from({ length: 12 }, (_, i) => drug(`湖北集采品种${i + 1}`, "oralImmediate")),
      [HUBEI],
    );
    const d = data(
      [...nationalDrugBatches, hubeiRound],
      [...nationalInHubei, impl("hubei-1", HUBEI, "2022-06-01")],
    );
    // The bureau typed 480; the records say 503.
    const { derived, evaluation, checks } = evaluate2025(d, 480);
    expect(derived.value).toBe(503);
    expect(evaluation.inputs.actual).toBe(503);
    expect(evaluation.verdict).toBe("achieved");
    expect(checks[0]!.check).toMatchObject({ status: "disagrees", manual: 480, derived: 503 });
  });
});
