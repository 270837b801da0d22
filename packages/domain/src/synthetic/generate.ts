import { Data, Result } from "effect";
import { z } from "zod";
import { Year } from "../common/schema.ts";
import type { Indicator } from "../indicator/schema.ts";
import type { Jurisdiction } from "../jurisdiction/schema.ts";
import type { Observation } from "../observation/schema.ts";
import type { Plan } from "../plan/schema.ts";
import { buildTree, MAX_CITIES_PER_PROVINCE, MAX_COUNTIES_PER_CITY, PROVINCES } from "./geography.ts";
import { deriveSeed, mulberry32 } from "./prng.ts";
import { TEMPLATES } from "./templates.ts";

/** Size and shape of the synthetic national dataset. Defaults: the whole country (≈3,200 plans). */
export const SyntheticOptions = z
  .object({
    /** Same seed and options → identical data. */
    seed: z.number().int().default(20210101),
    provinces: z.number().int().min(1).max(PROVINCES.length).default(31),
    cities: z.number().int().min(1).default(330),
    counties: z.number().int().min(0).default(2850),
    /** How many of the 20 indicator templates each plan carries (the first N). */
    indicatorsPerPlan: z.number().int().min(1).max(TEMPLATES.length).default(TEMPLATES.length),
    baselineYear: Year.default(2020),
    periodEnd: Year.default(2025),
    /** Share of numeric observations left out (to exercise 数据不足). */
    missingShare: z.number().min(0).max(1).default(0.02),
  })
  .check((ctx) => {
    const o = ctx.value;
    if (o.cities < o.provinces) {
      ctx.issues.push({ code: "custom", input: o.cities, path: ["cities"], message: "每个省至少需要一个市" });
    }
    if (o.cities > o.provinces * MAX_CITIES_PER_PROVINCE) {
      ctx.issues.push({
        code: "custom",
        input: o.cities,
        path: ["cities"],
        message: `每个省最多${MAX_CITIES_PER_PROVINCE}个市`,
      });
    }
    if (o.counties > o.cities * MAX_COUNTIES_PER_CITY) {
      ctx.issues.push({
        code: "custom",
        input: o.counties,
        path: ["counties"],
        message: `每个市最多${MAX_COUNTIES_PER_CITY}个县`,
      });
    }
    if (o.periodEnd <= o.baselineYear) {
      ctx.issues.push({
        code: "custom",
        input: o.periodEnd,
        path: ["periodEnd"],
        message: "规划期末应晚于基期",
      });
    }
  });
export type SyntheticOptions = z.infer<typeof SyntheticOptions>;
export type SyntheticOptionsInput = z.input<typeof SyntheticOptions>;

export class InvalidSyntheticOptions extends Data.TaggedError("InvalidSyntheticOptions")<{
  readonly issues: readonly string[];
}> {}

/** A whole country's plans, as plain domain values (no I/O). Parents come before children. */
export interface NationalDataset {
  readonly options: SyntheticOptions;
  readonly jurisdictions: Jurisdiction[];
  /** One plan per jurisdiction, `parentPlanId` linking county → city → province. */
  readonly plans: Plan[];
  /** `indicatorsPerPlan` per plan, in plan order then table order; linked to the parent plan's row. */
  readonly indicators: Indicator[];
  /** Baseline year through end year, by indicator then year (compound rows have one per subject). */
  readonly observations: Observation[];
}

/**
 * Generates the synthetic national dataset. Deterministic: each jurisdiction draws from its own
 * stream derived from the seed and its code, so the same options always give the same data.
 */
export function generateNationalDataset(
  input: SyntheticOptionsInput = {},
): Result.Result<NationalDataset, InvalidSyntheticOptions> {
  const parsed = SyntheticOptions.safeParse(input);
  if (!parsed.success) {
    return Result.fail(
      new InvalidSyntheticOptions({
        issues: parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`),
      }),
    );
  }
  const o = parsed.data;
  const jurisdictions = buildTree(mulberry32(o.seed), o.provinces, o.cities, o.counties);
  const plans: Plan[] = [];
  const indicators: Indicator[] = [];
  const observations: Observation[] = [];
  const span = o.periodEnd - o.baselineYear;
  const templates = TEMPLATES.slice(0, o.indicatorsPerPlan);

  for (const j of jurisdictions) {
    const rng = mulberry32(deriveSeed(o.seed, j.code));
    const planId = `plan-${j.code}`;
    const parentPlanId = j.parentCode === null ? null : `plan-${j.parentCode}`;
    plans.push({
      id: planId,
      jurisdictionCode: j.code,
      title: `${j.name}医疗保障事业发展“十四五”规划`,
      issuer: `${j.name}医疗保障局`,
      documentNumber: `${j.name.slice(0, 1)}医保发〔${o.baselineYear + 2}〕${rng.int(1, 60)}号`,
      issueDate: `${o.baselineYear + 2}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      periodStart: o.baselineYear + 1,
      periodEnd: o.periodEnd,
      baselineYear: o.baselineYear,
      status: "published",
      parentPlanId,
      revision: 1,
    });
    templates.forEach((tpl, k) => {
      const nn = String(k + 1).padStart(2, "0");
      const id = `ind-${j.code}-${nn}`;
      const inst = tpl.make(rng, j.level);
      indicators.push({
        id,
        planId,
        position: k + 1,
        category: tpl.category,
        name: tpl.name,
        unit: tpl.unit,
        baseline: inst.baseline,
        target: inst.target,
        attribute: tpl.attribute,
        direction: tpl.direction,
        definition: tpl.definition,
        footnote: inst.footnote,
        assessment: inst.assessment,
        parentIndicatorId: j.parentCode === null ? null : `ind-${j.parentCode}-${nn}`,
      });
      for (let year = o.baselineYear; year <= o.periodEnd; year++) {
        for (const v of inst.observe(year - o.baselineYear, (year - o.baselineYear) / span)) {
          if (v.value.kind === "number" && o.missingShare > 0 && rng.chance(o.missingShare)) continue;
          observations.push({
            indicatorId: id,
            year,
            value: v.value,
            ...(v.subject === undefined ? {} : { subject: v.subject }),
            source: "合成数据",
            note: null,
            recordedBy: v.value.kind === "text" ? "评估组" : "synthetic",
            recordedAt: null,
          });
        }
      }
    });
  }
  return Result.succeed({ options: o, jurisdictions, plans, indicators, observations });
}
