/**
 * Range rules for a numeric observation, from the indicator's unit and name. Pure.
 * - "%" rates (参保率, 报销比例…) lie within 0–100, unless the name says it is a change
 *   (增长/增速/增幅/下降/降幅/变化/差): those may be negative or exceed 100;
 * - counts and amounts (个, 类, 种, 家, 人, 万人, 亿元, 个月, 天…) cannot be negative.
 * Returns a Chinese message, or null when the value is acceptable.
 */
const changeWords = /增长|增速|增幅|下降|降幅|降低|变化|差|率差|同比|环比/;
const nonNegativeUnits =
  /^(个|类|种|家|人|万人|人次|万人次|亿元|万元|元|个月|月|天|日|所|项|次|批|张|床|件|户|个品种|种类|%)$/;

export function numericRangeProblem(value: number, unit: string | null, name: string): string | null {
  if (!Number.isFinite(value)) return "数值无效";
  const u = (unit ?? "").trim();
  if (u === "%" || u === "％") {
    if (changeWords.test(name)) return null;
    if (value < 0 || value > 100) return "百分比应在 0–100 之间";
    return null;
  }
  if (u && nonNegativeUnits.test(u) && value < 0) return `以“${u}”为单位的数值不能为负数`;
  return null;
}
