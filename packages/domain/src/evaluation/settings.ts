import { z } from "zod";
import { Year } from "../common/schema.ts";
import { EvaluationMethod } from "./verdict.ts";

/**
 * Named class thresholds of the growth-rate ratio method. "ESCAP" is the 2017 ESCAP method;
 * "Open SDG" is Statistics Canada's variant implemented in sdg-build (`sdg/ProgressMeasure.py`).
 */
export const EscapPresetName = z.enum(["ESCAP", "Open SDG"]);
export type EscapPresetName = z.infer<typeof EscapPresetName>;

/** Ratio thresholds: ratio ≥ high → substantial, ≥ medium → moderate, ≥ low → limited, else deterioration. */
export const RatioThresholds = z.object({
  high: z.number(),
  medium: z.number(),
  low: z.number(),
});
export type RatioThresholds = z.infer<typeof RatioThresholds>;

export interface EscapPreset {
  readonly name: EscapPresetName;
  readonly ratio: RatioThresholds;
  /**
   * Grading of the signed yearly growth rate when there is no numeric target (Open SDG only):
   * ≥ high substantial, ≥ medium moderate, ≥ low limited, below deterioration. Null: not offered.
   */
  readonly growth: RatioThresholds | null;
}

export const escapPresets: Record<EscapPresetName, EscapPreset> = {
  ESCAP: { name: "ESCAP", ratio: { high: 0.95, medium: 0.5, low: 0 }, growth: null },
  "Open SDG": {
    name: "Open SDG",
    ratio: { high: 0.95, medium: 0.6, low: 0 },
    growth: { high: 0.015, medium: 0.005, low: 0 },
  },
};

/**
 * How indicators are judged. Every field has a default, so `EvaluationSettings.parse({})` is the
 * standard configuration.
 */
export const EvaluationSettings = z.object({
  /** 时序进度 (default) or the ESCAP growth-rate ratio. */
  method: EvaluationMethod.default("timeElapsed"),
  /**
   * Half-width of a band ("80%左右") or of a "保持稳定" band when the plan does not state one.
   * For indicators in % it is in percentage points (1 → ±1个百分点); for any other unit it is a
   * percentage of the band's centre (1 → ±1% of the centre, e.g. 33.6亿元 ± 0.336亿元).
   */
  bandHalfWidth: z.number().positive().default(1),
  /** Class thresholds of the ESCAP method, by preset name. */
  escapPreset: EscapPresetName.default("ESCAP"),
  /** Overrides the preset's ratio thresholds (the preset name is still reported). */
  escapThresholds: RatioThresholds.nullable().default(null),
  /**
   * 基本符合预期: an actual this close behind the time-elapsed line (in the indicator's unit,
   * percentage points for %) still counts as on track. 0 = the line itself.
   */
  nearLineTolerance: z.number().nonnegative().default(0),
});
export type EvaluationSettings = z.infer<typeof EvaluationSettings>;
export type EvaluationSettingsInput = z.input<typeof EvaluationSettings>;

export const defaultEvaluationSettings: EvaluationSettings = EvaluationSettings.parse({});

/**
 * The plan period the time-elapsed line runs over: base year B and end year E. A `Plan` satisfies
 * it (`baselineYear`, `periodEnd`). Defaults to 十四五: 2020 → 2025.
 */
export const PlanPeriod = z
  .object({ baselineYear: Year, periodEnd: Year })
  .refine((p) => p.periodEnd > p.baselineYear, { message: "规划期末年份应晚于基期年份" });
export type PlanPeriod = z.infer<typeof PlanPeriod>;

export const defaultPlanPeriod: PlanPeriod = { baselineYear: 2020, periodEnd: 2025 };
