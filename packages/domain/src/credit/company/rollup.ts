import type { Quarter } from "../shared/quarter.ts";
import type { CompanyRating, RatedLevel } from "./schema.ts";

export interface RollupEntry {
  readonly companyId: string;
  readonly companyName: string;
  /** Highest level across provinces. */
  readonly highest: RatedLevel;
  /** Each province rating the company serious or worse, with its level and reason. */
  readonly provinces: { province: string; level: RatedLevel; reason: string }[];
}

export interface NationalRollup {
  readonly quarter: Quarter;
  /** Severity 4 (特别严重 / 特别严重失信), by company. */
  readonly mostSerious: RollupEntry[];
  /** Severity 3 (严重 / 严重失信), companies not already in `mostSerious`. */
  readonly serious: RollupEntry[];
  /** Companies rated under each standard version (NHSA reports e.g. "37 companies under 2025"). */
  readonly byStandard: Record<string, number>;
}

/**
 * NHSA's national compilation of all provinces' 严重 and 特别严重 ratings (published quarterly in
 * numbered issues). A company appears once, under its highest level anywhere.
 */
export function nationalRollup(
  ratings: readonly CompanyRating[],
  quarter: Quarter,
  minSeverity = 3,
): NationalRollup {
  const byCompany = new Map<string, RollupEntry>();
  for (const r of ratings) {
    if (!r.level || r.level.severity < minSeverity) continue;
    let e = byCompany.get(r.companyId);
    if (!e) {
      e = { companyId: r.companyId, companyName: r.companyName, highest: r.level, provinces: [] };
      byCompany.set(r.companyId, e);
    }
    e.provinces.push({ province: r.province, level: r.level, reason: r.reason });
    if (r.level.severity > e.highest.severity) (e as { highest: RatedLevel }).highest = r.level;
  }
  const entries = [...byCompany.values()].sort((a, b) => a.companyName.localeCompare(b.companyName, "zh"));
  for (const e of entries) e.provinces.sort((a, b) => a.province.localeCompare(b.province));
  const byStandard: Record<string, number> = {};
  for (const e of entries) byStandard[e.highest.standard] = (byStandard[e.highest.standard] ?? 0) + 1;
  return {
    quarter,
    mostSerious: entries.filter((e) => e.highest.severity >= 4),
    serious: entries.filter((e) => e.highest.severity < 4),
    byStandard,
  };
}

/**
 * 全国医药价格和招采失信企业风险警示名单: companies rated at `minSeverity` or worse by at least
 * `minProvinces` provinces. Default 特别严重 in ≥ 5 provinces; whether 严重 also counts is [U].
 */
export function riskWarningList(
  ratings: readonly CompanyRating[],
  options: { minProvinces?: number; minSeverity?: number } = {},
): { companyId: string; companyName: string; provinces: string[] }[] {
  const minProvinces = options.minProvinces ?? 5;
  const minSeverity = options.minSeverity ?? 4;
  const byCompany = new Map<string, { companyId: string; companyName: string; provinces: Set<string> }>();
  for (const r of ratings) {
    if (!r.level || r.level.severity < minSeverity) continue;
    const e = byCompany.get(r.companyId) ?? {
      companyId: r.companyId,
      companyName: r.companyName,
      provinces: new Set(),
    };
    e.provinces.add(r.province);
    byCompany.set(r.companyId, e);
  }
  return [...byCompany.values()]
    .filter((e) => e.provinces.size >= minProvinces)
    .map((e) => ({ companyId: e.companyId, companyName: e.companyName, provinces: [...e.provinces].sort() }));
}
