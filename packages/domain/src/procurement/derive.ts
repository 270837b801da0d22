import { Result } from "effect";
import { z } from "zod";
import { Id } from "../common/schema.ts";
import type { Observation } from "../observation/schema.ts";
import {
  type BatchContribution,
  countVarieties,
  indexProcurementData,
  type ProcurementIndex,
  yearEnd,
} from "./count.ts";
import type { ProcurementDataError } from "./errors.ts";
import {
  batchLevelLabels,
  ProcurementCategory,
  type ProcurementData,
  procurementCategoryLabels,
  procurementCategoryUnits,
} from "./schema.ts";

/**
 * Indicators whose yearly value is computed from procurement records instead of typed in
 * (药品集中带量采购品种, 高值医用耗材集中带量采购品种). The derived value carries how it was obtained
 * and can be handed to the evaluation engine as an ordinary observation.
 */

/** Binds an indicator to the count of one procurement category. */
export const ProcurementBinding = z.object({
  indicatorId: Id,
  category: ProcurementCategory,
});
export type ProcurementBinding = z.infer<typeof ProcurementBinding>;

/** A computed yearly value with its derivation. */
export interface DerivedProcurementValue {
  readonly indicatorId: string;
  readonly jurisdictionCode: string;
  readonly year: number;
  readonly category: ProcurementCategory;
  readonly value: number;
  /** 个 for drugs, 类 for consumables. */
  readonly unit: string;
  readonly asOf: string;
  /** True when a count-only batch contributed; `estimateReasons` says which. */
  readonly estimated: boolean;
  readonly estimateReasons: readonly string[];
  /** Contributing batches (including ones that added nothing new), in the order they took effect. */
  readonly derivation: readonly BatchContribution[];
  /** One formal Chinese sentence a report can print. */
  readonly explanation: string;
}

/**
 * Value of `binding`'s indicator in `jurisdictionCode` for `year`: distinct varieties implemented
 * there (or by an ancestor) by 31 December. Pass a prebuilt index when deriving many values.
 * Inputs are typed, not re-validated: the API validates them at its boundary.
 */
export function deriveProcurementValue(
  binding: ProcurementBinding,
  jurisdictionCode: string,
  year: number,
  data: ProcurementData | ProcurementIndex,
): Result.Result<DerivedProcurementValue, ProcurementDataError> {
  const input = { binding, jurisdictionCode, year };
  const indexed = isIndex(data) ? Result.succeed(data) : indexProcurementData(data);
  return Result.map(indexed, (index) => {
    const count = countVarieties(index, input.jurisdictionCode, input.binding.category, yearEnd(input.year));
    const unit = procurementCategoryUnits[input.binding.category];
    const estimateReasons = count.contributions
      .filter((c) => c.countOnly && c.added > 0)
      .map(
        (c) =>
          `“${c.batchName}”仅有公布的数量（${c.added}${unit}），未列明品种，无法与其他批次去重，按数量计入，属估算`,
      );
    return {
      indicatorId: input.binding.indicatorId,
      jurisdictionCode: input.jurisdictionCode,
      year: input.year,
      category: input.binding.category,
      value: count.value,
      unit,
      asOf: count.asOf,
      estimated: count.estimated,
      estimateReasons,
      derivation: count.contributions,
      explanation: explain(
        count.value,
        unit,
        input.year,
        input.binding.category,
        count.contributions,
        count.estimated,
      ),
    };
  });
}

function isIndex(d: ProcurementData | ProcurementIndex): d is ProcurementIndex {
  return "resolved" in d;
}

function explain(
  value: number,
  unit: string,
  year: number,
  category: ProcurementCategory,
  contributions: readonly BatchContribution[],
  estimated: boolean,
): string {
  const what = `${procurementCategoryLabels[category]}集中带量采购${category === "drug" ? "品种" : "类别"}`;
  if (contributions.length === 0) return `截至${year}年12月31日，本地区无已执行的${what}记录，计为0${unit}。`;
  const levels = [...new Set(contributions.map((c) => batchLevelLabels[c.level]))].join("、");
  const repeats = contributions.reduce((s, c) => s + c.alreadyCounted, 0);
  const dedup = repeats > 0 ? `，重复品种${repeats}${unit}只计一次` : "";
  const est = estimated ? "；部分批次仅有公布数量，结果为估算" : "";
  return `截至${year}年12月31日，本地区已执行${levels}${contributions.length}个批次，合计${what}${value}${unit}${dedup}${est}。`;
}

/** Result of comparing a manually entered observation with the derived value. */
export type ManualValueCheck =
  | { readonly status: "noManualValue"; readonly derived: number }
  | { readonly status: "agrees"; readonly derived: number; readonly manual: number }
  | {
      readonly status: "disagrees";
      readonly derived: number;
      readonly manual: number;
      readonly difference: number;
      readonly message: string;
    }
  | { readonly status: "notNumeric"; readonly derived: number; readonly message: string };

/** Flags a manual value for the same indicator and year that differs from the derived count. */
export function checkManualObservation(
  derived: DerivedProcurementValue,
  manual: Pick<Observation, "indicatorId" | "year" | "value"> | null | undefined,
): ManualValueCheck {
  if (manual == null || manual.indicatorId !== derived.indicatorId || manual.year !== derived.year) {
    return { status: "noManualValue", derived: derived.value };
  }
  if (manual.value.kind !== "number") {
    return {
      status: "notNumeric",
      derived: derived.value,
      message: `${derived.year}年手工填报值“${manual.value.text}”不是数字，系统推算值为${derived.value}${derived.unit}`,
    };
  }
  const m = manual.value.value;
  if (m === derived.value) return { status: "agrees", derived: derived.value, manual: m };
  const est = derived.estimated ? "（推算值含估算部分）" : "";
  return {
    status: "disagrees",
    derived: derived.value,
    manual: m,
    difference: m - derived.value,
    message: `${derived.year}年手工填报值${m}${derived.unit}与按集采执行记录推算的${derived.value}${derived.unit}不一致${est}，请核对`,
  };
}

/** Source text of a derived observation, so reports show where the figure came from. */
export const derivedObservationSource = "集中带量采购执行记录（系统推算）";

/** The derived value as an Observation the evaluation engine can judge like any other. */
export function toObservation(derived: DerivedProcurementValue): Observation {
  return {
    indicatorId: derived.indicatorId,
    year: derived.year,
    value: { kind: "number", value: derived.value },
    source: derivedObservationSource,
    note: derived.estimated ? `${derived.explanation}${estimatedBatches(derived)}` : derived.explanation,
    recordedBy: null,
    recordedAt: null,
  };
}

/** One sentence naming the count-only batches, not one clause per batch (a reader sees the list once). */
function estimatedBatches(derived: DerivedProcurementValue): string {
  const batches = derived.derivation.filter((c) => c.countOnly && c.added > 0);
  if (batches.length === 0) return "";
  const names = batches.map((c) => `“${c.batchName}”`).join("、");
  const counts = batches.map((c) => c.added).join("、");
  const each = batches.length > 1 ? `分别为${counts}${derived.unit}` : `${counts}${derived.unit}`;
  return `其中${names}仅有公布的数量（${each}），未列明品种，无法与其他批次去重，按数量计入，属估算。`;
}

/**
 * Adapter for the evaluation engine: the observations with every derived value in place of a
 * manual one for the same indicator and year (the records are authoritative), plus the checks of
 * the manual values that were replaced or found missing.
 */
export function withDerivedObservations(
  observations: readonly Observation[],
  derived: readonly DerivedProcurementValue[],
): { observations: Observation[]; checks: { derived: DerivedProcurementValue; check: ManualValueCheck }[] } {
  const slot = (indicatorId: string, year: number) => `${indicatorId}\u0000${year}`;
  const derivedBySlot = new Map(derived.map((d) => [slot(d.indicatorId, d.year), d]));
  const manualBySlot = new Map<string, Observation>();
  const kept: Observation[] = [];
  for (const o of observations) {
    const key = slot(o.indicatorId, o.year);
    // Procurement counts are single-subject; a compound subject's value is never replaced.
    const subject = (o as { readonly subject?: string | null }).subject ?? null;
    if (derivedBySlot.has(key) && subject === null) manualBySlot.set(key, o);
    else kept.push(o);
  }
  const checks = derived.map((d) => ({
    derived: d,
    check: checkManualObservation(d, manualBySlot.get(slot(d.indicatorId, d.year))),
  }));
  return { observations: [...kept, ...derived.map(toObservation)], checks };
}

/** Simplified forms of the traditional characters these indicator names use (Hunan's plan). */
const toSimplified: Record<string, string> = {
  藥: "药",
  帶: "带",
  採: "采",
  購: "购",
  種: "种",
  醫: "医",
  療: "疗",
  實: "实",
  織: "织",
  類: "类",
  個: "个",
  値: "值",
};

/**
 * Recognise a procurement-count indicator by its name, so an import can propose the binding:
 * "药品集中带量采购品种", "落实国家和省组织高值医用耗材集中带量采购品种（个）", "藥品集中帶量採購品種".
 * Shares of purchases through the platform ("…采购金额占…比例") are not counts and give null.
 */
export function procurementCategoryForIndicatorName(name: string): ProcurementCategory | null {
  const n = [...name.normalize("NFKC")].map((c) => toSimplified[c] ?? c).join("");
  if (!n.includes("带量采购") || n.includes("比例") || n.includes("金额")) return null;
  if (!/品种|类别|种类/.test(n)) return null;
  // A row counting drugs and consumables together has two targets, not one derivable count.
  if (n.includes("药品") && n.includes("耗材")) return null;
  if (n.includes("高值医用耗材") || n.includes("高值耗材")) return "highValueConsumable";
  if (n.includes("耗材")) return "otherConsumable";
  if (n.includes("药品")) return "drug";
  return null;
}
