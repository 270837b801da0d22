import { z } from "zod";

/**
 * Dosage-form groups. National VBP names a variety by generic name × dosage-form group ("瑞舒伐他汀
 * 口服常释剂型", "阿奇霉素注射剂"), so the same drug as tablet in one batch and capsule in another is
 * one variety, while its injection is another. The grouping follows the 国家医保药品目录 凡例
 * (口服常释剂型 covers ordinary, film-coated, dispersible, orally disintegrating and enteric tablets and
 * capsules; 缓释控释剂型 is separate). The exact statistical key NHSA uses for the 500 target is not
 * published (domain-rules.md §3.4, [U]); change the table here if it turns out different.
 */
export const DosageFormGroup = z.enum([
  "oralImmediate",
  "oralModified",
  "injection",
  "oralLiquid",
  "granule",
  "powder",
  "inhalation",
  "ophthalmic",
  "topical",
  "suppository",
  "other",
]);
export type DosageFormGroup = z.infer<typeof DosageFormGroup>;

export const dosageFormGroupLabels: Record<DosageFormGroup, string> = {
  oralImmediate: "口服常释剂型",
  oralModified: "缓释控释剂型",
  injection: "注射剂",
  oralLiquid: "口服液体剂",
  granule: "颗粒剂",
  powder: "散剂",
  inhalation: "吸入剂",
  ophthalmic: "眼用制剂",
  topical: "外用制剂",
  suppository: "栓剂",
  other: "其他剂型",
};

/** Written dosage forms (suffix of a product name) → group. Longest match wins. */
const suffixForms: ReadonlyArray<readonly [string, DosageFormGroup]> = [
  // 口服常释剂型
  ["片", "oralImmediate"],
  ["片剂", "oralImmediate"],
  ["薄膜衣片", "oralImmediate"],
  ["糖衣片", "oralImmediate"],
  ["包衣片", "oralImmediate"],
  ["分散片", "oralImmediate"],
  ["口腔崩解片", "oralImmediate"],
  ["口崩片", "oralImmediate"],
  ["咀嚼片", "oralImmediate"],
  ["泡腾片", "oralImmediate"],
  ["可溶片", "oralImmediate"],
  ["肠溶片", "oralImmediate"],
  ["胶囊", "oralImmediate"],
  ["硬胶囊", "oralImmediate"],
  ["软胶囊", "oralImmediate"],
  ["肠溶胶囊", "oralImmediate"],
  ["胶丸", "oralImmediate"],
  ["滴丸", "oralImmediate"],
  ["口服常释剂型", "oralImmediate"],
  // 缓释控释剂型
  ["缓释片", "oralModified"],
  ["控释片", "oralModified"],
  ["缓释胶囊", "oralModified"],
  ["控释胶囊", "oralModified"],
  ["缓释颗粒", "oralModified"],
  ["缓释控释剂型", "oralModified"],
  ["缓控释剂型", "oralModified"],
  // 注射剂
  ["注射液", "injection"],
  ["注射剂", "injection"],
  ["注射乳剂", "injection"],
  ["粉针剂", "injection"],
  ["冻干粉针", "injection"],
  // 口服液体剂
  ["口服溶液", "oralLiquid"],
  ["口服液", "oralLiquid"],
  ["口服混悬液", "oralLiquid"],
  ["糖浆", "oralLiquid"],
  ["口服液体剂", "oralLiquid"],
  // 颗粒剂 / 散剂
  ["颗粒", "granule"],
  ["颗粒剂", "granule"],
  ["干混悬剂", "granule"],
  ["散", "powder"],
  ["散剂", "powder"],
  // 吸入剂
  ["吸入气雾剂", "inhalation"],
  ["吸入粉雾剂", "inhalation"],
  ["吸入溶液", "inhalation"],
  ["吸入混悬液", "inhalation"],
  ["吸入剂", "inhalation"],
  // 眼用制剂
  ["滴眼液", "ophthalmic"],
  ["滴眼剂", "ophthalmic"],
  ["眼用凝胶", "ophthalmic"],
  ["眼膏", "ophthalmic"],
  // 外用制剂
  ["软膏", "topical"],
  ["乳膏", "topical"],
  ["凝胶", "topical"],
  ["贴剂", "topical"],
  ["贴膏", "topical"],
  ["喷雾剂", "topical"],
  ["外用溶液", "topical"],
  // 栓剂
  ["栓", "suppository"],
  ["栓剂", "suppository"],
];

/** Forms written in front of the name: 注射用培美曲塞二钠, 吸入用布地奈德混悬液. */
const prefixForms: ReadonlyArray<readonly [string, DosageFormGroup]> = [
  ["注射用", "injection"],
  ["吸入用", "inhalation"],
];

const bySuffixLongestFirst = [...suffixForms].sort((a, b) => b[0].length - a[0].length);
const formGroupByName = new Map<string, DosageFormGroup>([
  ...suffixForms,
  ...prefixForms,
  ...Object.entries(dosageFormGroupLabels).map(([g, label]) => [label, g as DosageFormGroup] as const),
]);

/** NFKC (full-width → half-width), whitespace removed. Applied to every name before comparing. */
export function normaliseText(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

/** Group of a written dosage form ("分散片" → oralImmediate), or null when unknown. */
export function dosageFormGroupOf(form: string): DosageFormGroup | null {
  return formGroupByName.get(normaliseText(form)) ?? null;
}

export interface SplitProductName {
  readonly genericName: string;
  readonly dosageForm: string;
  readonly dosageFormGroup: DosageFormGroup;
}

/**
 * Split a product name into generic name and dosage form: "恩替卡韦分散片" → 恩替卡韦 + 分散片;
 * "注射用培美曲塞二钠" → 培美曲塞二钠 + 注射用; "吸入用布地奈德混悬液" → 布地奈德 + 吸入用.
 * Null when no known form is found (the caller reports it; nothing is guessed).
 */
export function splitProductName(name: string): SplitProductName | null {
  const n = normaliseText(name);
  for (const [prefix, group] of prefixForms) {
    if (n.startsWith(prefix) && n.length > prefix.length) {
      let rest = n.slice(prefix.length);
      // 吸入用…混悬液/溶液: the trailing liquid form belongs to the same inhalation form.
      for (const tail of ["混悬液", "溶液"]) {
        if (group === "inhalation" && rest.endsWith(tail) && rest.length > tail.length) {
          rest = rest.slice(0, -tail.length);
        }
      }
      return { genericName: rest, dosageForm: prefix, dosageFormGroup: group };
    }
  }
  for (const [suffix, group] of bySuffixLongestFirst) {
    if (n.endsWith(suffix) && n.length > suffix.length) {
      return { genericName: n.slice(0, -suffix.length), dosageForm: suffix, dosageFormGroup: group };
    }
  }
  return null;
}
