import type { IndicatorRow } from "./model.ts";

/**
 * Fund indicators (基金收入 / 支出 / 累计结余) have qualitative targets ("与经济发展水平相适应",
 * "保持合理水平") a person judges. The report still gives what the data allows: the year's growth
 * rate and, for the balance, the months of spending it covers (累计结余 ÷ 当年支出 × 12).
 */
const isFund = (r: IndicatorRow) => /基金/.test(r.name) && /(收入|支出|结余)/.test(r.name);

export function withFundFacts(rows: readonly IndicatorRow[]): IndicatorRow[] {
  const spending = rows.find((r) => isFund(r) && r.name.includes("支出") && r.actual.value !== null);
  return rows.map((r) => {
    if (!isFund(r) || r.verdict !== "needsJudgement" || r.actual.value === null) return r;
    const facts: string[] = [];
    if (r.change && r.change.from !== 0) {
      const g = (r.change.delta / r.change.from) * 100;
      facts.push(`较上年${g >= 0 ? "增长" : "下降"}${Math.abs(g).toFixed(1)}%`);
    }
    if (r.name.includes("结余") && spending?.actual.value && spending.unit === r.unit) {
      facts.push(`可支付${((r.actual.value / spending.actual.value) * 12).toFixed(1)}个月`);
    }
    if (facts.length === 0) return r;
    const add = (s: string) => s.replace(/，待研判。$/, `，${facts.join("，")}，待研判。`);
    return { ...r, reason: add(r.reason), sentence: add(r.sentence) };
  });
}
