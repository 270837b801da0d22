import type { ApplicableParameter, PolicyChange } from "./in-force.ts";
import {
  institutionLevelLabels,
  type ParameterDimensions,
  parameterKindLabels,
  populationLabels,
  schemeLabels,
  serviceLabels,
  unitOfKind,
} from "./schema.ts";

/** "城乡居民医保三级医疗机构住院报销比例": scheme, population, level, service, kind. */
export function parameterLabel(d: ParameterDimensions): string {
  return `${schemeLabels[d.scheme]}${populationLabels[d.population]}${institutionLevelLabels[d.level]}${serviceLabels[d.service]}${parameterKindLabels[d.kind]}`;
}

const trim = (n: number) => String(Number(n.toFixed(4)));

/** "65%", "800元", "1.2万元", with "左右" when the document says so. */
export function formatParameterValue(
  p: Pick<ParameterDimensions, "kind"> & { readonly value: number; readonly approximate?: boolean },
): string {
  const text =
    unitOfKind[p.kind] === "percent"
      ? `${trim(p.value)}%`
      : p.value >= 10_000
        ? `${trim(p.value / 10_000)}万元`
        : `${trim(p.value)}元`;
  return p.approximate ? `${text}左右` : text;
}

/** "2023年1月1日". */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

const basis = (p: ApplicableParameter) =>
  `依据《${p.documentTitle}》${p.docNumber ? `（${p.docNumber}）` : ""}`;

/**
 * One sentence per change, for the yearly report's 待遇政策调整: "城乡居民医保三级医疗机构住院报销比例
 * 由60%调整为65%（自2023年1月1日起，依据《…》（文号））。"
 */
export function describePolicyChange(c: PolicyChange): string {
  const label = parameterLabel(c.dimensions);
  if (c.before && c.after) {
    return `${label}由${formatParameterValue({ ...c.dimensions, ...c.before })}调整为${formatParameterValue({ ...c.dimensions, ...c.after })}（自${formatChineseDate(c.after.from)}起，${basis(c.after)}）。`;
  }
  if (c.after) {
    return `新设${label}${formatParameterValue({ ...c.dimensions, ...c.after })}（自${formatChineseDate(c.after.from)}起，${basis(c.after)}）。`;
  }
  const b = c.before!;
  const end = b.to ? `自${formatChineseDate(b.to)}后` : "";
  return `${label}（原${formatParameterValue({ ...c.dimensions, ...b })}）${end}不再执行（原${basis(b)}）。`;
}

/** The sentences for all changes, in the order given (compareInForce sorts by parameter key). */
export function describePolicyChanges(changes: readonly PolicyChange[]): string[] {
  return changes.map(describePolicyChange);
}
