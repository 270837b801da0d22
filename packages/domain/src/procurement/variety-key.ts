import { dosageFormGroupLabels, normaliseText } from "./dosage-form.ts";
import type { Variety } from "./schema.ts";

/**
 * The identity of a variety for counting: a drug is its normalised generic name × dosage-form
 * group; a consumable is its normalised product class. Two batches listing the same key add one.
 */
export function varietyKey(v: Variety): string {
  return v.kind === "drug"
    ? `drug:${normaliseGenericName(v.genericName)}:${v.dosageFormGroup}`
    : `consumable:${normaliseProductClass(v.productClass)}`;
}

/** Display name: "阿托伐他汀钙（口服常释剂型）" or the product class. */
export function varietyLabel(v: Variety): string {
  return v.kind === "drug"
    ? `${v.genericName}（${dosageFormGroupLabels[v.dosageFormGroup]}）`
    : v.productClass;
}

/**
 * NFKC, no whitespace, unified brackets. The salt stays part of the name: 酒石酸美托洛尔 and
 * 琥珀酸美托洛尔 are different varieties in national VBP.
 */
export function normaliseGenericName(name: string): string {
  return normaliseText(name).replace(/[（]/g, "(").replace(/[）]/g, ")");
}

/** Product class: as the generic name, and a trailing 类 is dropped ("骨科脊柱类" = "骨科脊柱"). */
export function normaliseProductClass(name: string): string {
  const n = normaliseGenericName(name);
  return n.length > 1 && n.endsWith("类") ? n.slice(0, -1) : n;
}
