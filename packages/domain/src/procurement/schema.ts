import { z } from "zod";
import { Id, IsoDate } from "../common/schema.ts";
import { AdminCode } from "../jurisdiction/schema.ts";
import { DosageFormGroup } from "./dosage-form.ts";

/**
 * Volume-based procurement (集中带量采购, VBP): batches, their varieties and their implementation
 * in a jurisdiction. Counting rules live in `count.ts`; see domain-rules.md §3.
 */

/** Who organised the batch. */
export const BatchLevel = z.enum(["national", "provincial", "alliance"]);
export type BatchLevel = z.infer<typeof BatchLevel>;
export const batchLevelLabels: Record<BatchLevel, string> = {
  national: "国家组织",
  provincial: "省级",
  alliance: "省际联盟",
};

/** What the batch buys. Consumable batches count product classes (类), drug batches varieties (品种). */
export const ProcurementCategory = z.enum(["drug", "highValueConsumable", "otherConsumable"]);
export type ProcurementCategory = z.infer<typeof ProcurementCategory>;
export const procurementCategoryLabels: Record<ProcurementCategory, string> = {
  drug: "药品",
  highValueConsumable: "高值医用耗材",
  otherConsumable: "其他医用耗材",
};
/** Counting unit of each category, as the plans write it. */
export const procurementCategoryUnits: Record<ProcurementCategory, string> = {
  drug: "个",
  highValueConsumable: "类",
  otherConsumable: "类",
};

/**
 * `YYYY-MM-DD`, or `YYYY-MM` when only the month is sourced (several national batches). Never a
 * guessed day.
 */
export const PartialIsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, "日期应为 YYYY-MM-DD 或 YYYY-MM")
  .refine((s) => s.length === 7 || IsoDate.safeParse(s).success, "日期不存在")
  .describe("ISO date, or year-month when the day is unknown");
export type PartialIsoDate = z.infer<typeof PartialIsoDate>;

const PriceCutPct = z.number().min(0).max(100).nullable().describe("Average price cut in percent");

/** A drug variety (品种): generic name × dosage-form group. One variety spans several strengths (品规). */
export const DrugVariety = z.object({
  kind: z.literal("drug"),
  /** Generic name without the dosage form, salt kept (e.g. 阿托伐他汀钙). */
  genericName: z.string().min(1),
  /** Dosage form as written in the source (e.g. 分散片, 注射液); informational. */
  dosageForm: z.string().min(1),
  /** The group that identifies the variety (口服常释剂型, 注射剂, …). */
  dosageFormGroup: DosageFormGroup,
  priceCutPct: PriceCutPct,
  note: z.string().nullable(),
});
export type DrugVariety = z.infer<typeof DrugVariety>;

/** A consumable class (类), e.g. 冠脉支架. */
export const ConsumableVariety = z.object({
  kind: z.literal("consumable"),
  productClass: z.string().min(1),
  priceCutPct: PriceCutPct,
  note: z.string().nullable(),
});
export type ConsumableVariety = z.infer<typeof ConsumableVariety>;

export const Variety = z.discriminatedUnion("kind", [DrugVariety, ConsumableVariety]);
export type Variety = z.infer<typeof Variety>;

/**
 * The batch's varieties: the full list, or only the published count when no list is held.
 * Count-only batches still count, but the result is flagged as an estimate because their overlap
 * with other batches cannot be checked.
 */
export const BatchVarieties = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("listed"), items: z.array(Variety) }),
  z.object({ kind: z.literal("countOnly"), count: z.number().int().nonnegative() }),
]);
export type BatchVarieties = z.infer<typeof BatchVarieties>;

export const Batch = z
  .object({
    id: Id,
    level: BatchLevel,
    /** Name as published, e.g. 第三批, 第一批高值耗材（冠脉支架）. */
    name: z.string().min(1),
    /** When results were announced. */
    announced: PartialIsoDate,
    category: ProcurementCategory,
    averagePriceCutPct: PriceCutPct,
    sourceUrl: z.url().nullable(),
    /**
     * Provinces taking part (organiser first). Empty for national batches, which every province
     * implements.
     */
    regionCodes: z.array(AdminCode),
    varieties: BatchVarieties,
    /**
     * Set for an extension or renewal (扩围/接续) that re-tenders another batch's varieties: it adds
     * no variety of its own. A count-only retender takes the origin's varieties, so a jurisdiction
     * that joined only the extension still gets them, and one that joined both counts them once.
     */
    retenderOf: Id.nullable(),
    note: z.string().nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.varieties.kind !== "listed") return;
    const expected = b.category === "drug" ? "drug" : "consumable";
    b.varieties.items.forEach((v, i) => {
      if (v.kind !== expected) {
        ctx.addIssue({
          code: "custom",
          path: ["varieties", "items", i, "kind"],
          message: expected === "drug" ? "药品批次只能包含药品品种" : "耗材批次只能包含耗材类别",
        });
      }
    });
    if (b.level === "national" && b.regionCodes.length > 0) {
      ctx.addIssue({ code: "custom", path: ["regionCodes"], message: "国家组织批次不应限定省份" });
    }
    if (b.retenderOf === b.id) {
      ctx.addIssue({ code: "custom", path: ["retenderOf"], message: "批次不能接续自身" });
    }
  });
export type Batch = z.infer<typeof Batch>;

/** A batch put into effect in a jurisdiction (落地执行). */
export const Implementation = z.object({
  batchId: Id,
  jurisdictionCode: AdminCode,
  /** First day the selected products are supplied at the agreed price (执行日期). */
  startDate: IsoDate,
  /** Agreed procurement volume (约定采购量) in the batch's own unit (片/支/个); null when unknown. */
  agreedVolume: z.number().nonnegative().nullable(),
  /** Completion of the agreed volume, percent (may exceed 100). */
  completionRatePct: z.number().nonnegative().nullable(),
  /** Money saved, 万元. */
  savingsWanYuan: z.number().nullable(),
  note: z.string().nullable(),
});
export type Implementation = z.infer<typeof Implementation>;

/** Everything the counting needs. */
export interface ProcurementData {
  readonly batches: readonly Batch[];
  readonly implementations: readonly Implementation[];
  /**
   * The jurisdiction tree (code → parent). A batch implemented by a province applies to its cities
   * and counties; without the tree only records of the jurisdiction itself count.
   */
  readonly jurisdictions: readonly { readonly code: string; readonly parentCode: string | null }[];
}
