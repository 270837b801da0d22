/**
 * Plausibility rules for a year's figures: warnings on save, blocking on submit unless the row
 * carries a note explaining them. Two kinds:
 * - a year-on-year change beyond the indicator's band (参保率 95 → 40; 基金收入 2.72 → 80 亿元);
 * - the fund balance identity 累计结余 = 上年累计结余 + 收入 − 支出, within a tolerance, for a
 *   fund whose plan lists its income, expenditure and accumulated balance.
 */
import { z } from "zod";
import { ownYearTarget, type TargetInForceEntry } from "./targets.ts";

export interface PlausibilityIndicator {
  readonly id: string;
  readonly name: string;
  readonly unit: string | null;
  /**
   * Target entries; staged yearly ones (scope "year", 每年进度分别不低于30%、50%、70%) move a
   * percentage's band by the step the plan itself sets between two years.
   */
  readonly targetRevisions?: readonly TargetInForceEntry[] | undefined;
}

export type YearOnYearBand =
  /** Percentages: at most `points` percentage points either way. */
  | { readonly kind: "points"; readonly points: number }
  /** Amounts and counts: the new value within [previous / factor, previous × factor]. */
  | { readonly kind: "factor"; readonly factor: number };

/** A figure that looks wrong, on its indicator's row, with the message shown beside it. */
export const PlausibilityWarning = z.object({
  indicatorId: z.string(),
  rule: z.enum(["yearOnYear", "balanceIdentity"]),
  message: z.string(),
});
export type PlausibilityWarning = z.infer<typeof PlausibilityWarning>;

const amountUnits = new Set(["亿元", "万元", "元", "千元"]);
const countUnits = new Set(["人", "万人", "个", "家", "项", "次", "万人次", "人次", "种", "所", "张"]);
/** Rates of change move freely ("增长率"): they get a wider band. */
const changeWords = /增长|增幅|下降|降幅|变化|提高|降低/;

const normUnit = (u: string | null) => (u ?? "").replace(/[\s（）()]/g, "").replace("％", "%");

/** The band an indicator's year-on-year change should stay in, or null when none applies. */
export function yearOnYearBand(
  indicator: Pick<PlausibilityIndicator, "name" | "unit">,
): YearOnYearBand | null {
  const u = normUnit(indicator.unit);
  if (u === "%") return { kind: "points", points: changeWords.test(indicator.name) ? 30 : 10 };
  if (amountUnits.has(u)) return { kind: "factor", factor: 2 };
  if (countUnits.has(u)) return { kind: "factor", factor: 3 };
  return null;
}

const fmt = (n: number) => String(Number(n.toFixed(4)));

/** A warning when `current` leaves the band around `previous` (the last known value). */
export function checkYearOnYear(
  indicator: PlausibilityIndicator,
  previous: { readonly year: number; readonly value: number } | null,
  current: number,
  /** The year of `current`; with staged targets for it and `previous.year`, their step is expected. */
  currentYear: number | null = null,
): PlausibilityWarning | null {
  const band = yearOnYearBand(indicator);
  if (!band || previous === null) return null;
  const unit = normUnit(indicator.unit);
  const from = `${previous.year}年的${fmt(previous.value)}${unit}`;
  if (band.kind === "points") {
    const delta = current - previous.value;
    const step = plannedStep(indicator.targetRevisions, previous.year, currentYear);
    if (Math.abs(delta - step) <= band.points) return null;
    const beyond =
      step === 0
        ? `超过${band.points}个百分点`
        : `与规划分年度目标的变动（${fmt(step)}个百分点）相差超过${band.points}个百分点`;
    return {
      indicatorId: indicator.id,
      rule: "yearOnYear",
      message: `${indicator.name}：由${from}变为${fmt(current)}${unit}，变动${fmt(Math.abs(delta))}个百分点，${beyond}，请核实或说明`,
    };
  }
  const p = previous.value;
  if (p <= 0 || current <= 0) return null;
  const ratio = current / p;
  if (ratio <= band.factor && ratio >= 1 / band.factor) return null;
  return {
    indicatorId: indicator.id,
    rule: "yearOnYear",
    message: `${indicator.name}：由${from}变为${fmt(current)}${unit}（${fmt(ratio)}倍），超出合理变动范围，请核实或说明`,
  };
}

/** A staged yearly target's number (≥80% → 80), or null when the year has none. */
function stageValue(entries: readonly TargetInForceEntry[] | undefined, year: number): number | null {
  const e = ownYearTarget(entries, year)?.target.expression;
  return e && (e.kind === "threshold" || e.kind === "level") ? e.quantity.value : null;
}

/** The change the plan stages between two years that both have their own numeric target, else 0. */
function plannedStep(
  entries: readonly TargetInForceEntry[] | undefined,
  fromYear: number,
  toYear: number | null,
): number {
  if (toYear === null || !entries?.length) return 0;
  const from = stageValue(entries, fromYear);
  const to = stageValue(entries, toYear);
  return from !== null && to !== null ? to - from : 0;
}

export interface FundGroup {
  /** "基本医疗保险(含生育保险)基金" */
  readonly fund: string;
  readonly incomeId: string;
  readonly expenditureId: string;
  readonly balanceId: string;
}

const roleOf = (name: string): { fund: string; role: "income" | "expenditure" | "balance" } | null => {
  const m = /^(.*?)(累计结余|滚存结余|收入|支出)/.exec(name.replace(/\s/g, ""));
  if (!m) return null;
  const role = m[2] === "收入" ? "income" : m[2] === "支出" ? "expenditure" : "balance";
  return { fund: m[1]!, role };
};

/** Funds whose income, expenditure and accumulated balance are all indicators of the plan. */
export function fundGroups(indicators: readonly PlausibilityIndicator[]): FundGroup[] {
  const byFund = new Map<string, Partial<Record<"income" | "expenditure" | "balance", string>>>();
  for (const i of indicators) {
    const r = roleOf(i.name);
    if (!r || !amountUnits.has(normUnit(i.unit))) continue;
    const g = byFund.get(r.fund) ?? {};
    g[r.role] ??= i.id;
    byFund.set(r.fund, g);
  }
  return [...byFund].flatMap(([fund, g]) =>
    g.income && g.expenditure && g.balance
      ? [{ fund, incomeId: g.income, expenditureId: g.expenditure, balanceId: g.balance }]
      : [],
  );
}

/** Allowed gap of the identity: 1% of the balance, at least 0.01 (rounding of the inputs). */
export const balanceTolerance = (balance: number) => Math.max(0.01, Math.abs(balance) * 0.01);

/** A warning on the balance row when 累计结余 ≠ 上年累计结余 + 收入 − 支出 beyond the tolerance. */
export function checkBalanceIdentity(
  group: FundGroup,
  v: {
    readonly previousBalance: number | null;
    readonly income: number | null;
    readonly expenditure: number | null;
    readonly balance: number | null;
  },
): PlausibilityWarning | null {
  if (v.previousBalance === null || v.income === null || v.expenditure === null || v.balance === null) {
    return null;
  }
  const expected = v.previousBalance + v.income - v.expenditure;
  if (Math.abs(expected - v.balance) <= balanceTolerance(v.balance)) return null;
  return {
    indicatorId: group.balanceId,
    rule: "balanceIdentity",
    message: `${group.fund}累计结余${fmt(v.balance)}与“上年结余${fmt(v.previousBalance)} + 收入${fmt(v.income)} − 支出${fmt(v.expenditure)} = ${fmt(expected)}”不符，请核实或说明`,
  };
}

export interface YearFigures {
  readonly year: number;
  /** The numbers of the year being checked, by indicator id (whole-indicator values). */
  readonly current: ReadonlyMap<string, number>;
  /** The last known value before `year` per indicator (an earlier year, or the baseline). */
  readonly previous: ReadonlyMap<string, { readonly year: number; readonly value: number }>;
}

/** Every plausibility warning of a year's figures, in indicator order. */
export function plausibilityWarnings(
  indicators: readonly PlausibilityIndicator[],
  figures: YearFigures,
): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  for (const i of indicators) {
    const value = figures.current.get(i.id);
    if (value === undefined) continue;
    const w = checkYearOnYear(i, figures.previous.get(i.id) ?? null, value, figures.year);
    if (w) out.push(w);
  }
  for (const g of fundGroups(indicators)) {
    const prev = figures.previous.get(g.balanceId);
    const w = checkBalanceIdentity(g, {
      previousBalance: prev && prev.year === figures.year - 1 ? prev.value : null,
      income: figures.current.get(g.incomeId) ?? null,
      expenditure: figures.current.get(g.expenditureId) ?? null,
      balance: figures.current.get(g.balanceId) ?? null,
    });
    if (w) out.push(w);
  }
  return out;
}

/** Warnings a submit refuses: those on rows without an explaining note. */
export function unexplained(
  warnings: readonly PlausibilityWarning[],
  noteOf: (indicatorId: string) => string | null | undefined,
): PlausibilityWarning[] {
  return warnings.filter((w) => !noteOf(w.indicatorId)?.trim());
}

/** The last known value before `year`: the latest earlier observation, else the baseline. */
export function previousValue(
  earlier: readonly { readonly year: number; readonly value: number }[],
  baseline: { readonly year: number; readonly value: number } | null,
  year: number,
): { readonly year: number; readonly value: number } | null {
  let best: { year: number; value: number } | null = null;
  for (const o of earlier) if (o.year < year && (best === null || o.year > best.year)) best = o;
  return best ?? (baseline && baseline.year < year ? baseline : null);
}
