import type { Indicator, Observation, Plan } from "@ybplan/domain";
import type { FilledSheet } from "./observation-sheet.ts";

/**
 * Turns a filled template into observations, checking every cell: the indicator exists in the
 * plan, the year lies in the plan (baseline … end), numbers are numbers within the unit's range
 * (a rate in % lies within 0–100 unless it is a change; counts and amounts are not negative).
 * Any error rejects the whole file: nothing is saved from a partly wrong sheet.
 */

export interface ObservationRows {
  readonly observations: Observation[];
  readonly errors: string[];
}

const changeWords = /增长|增速|增幅|下降|降幅|降低|变化|差|同比|环比/;
const countUnits = /^(个|类|种|家|人|万人|人次|万人次|亿元|万元|元|个月|月|天|日|所|项|次|批|张|床|件|户)$/;

export function rangeProblem(value: number, unit: string | null, name: string): string | null {
  const u = (unit ?? "").trim();
  if ((u === "%" || u === "％") && !changeWords.test(name) && (value < 0 || value > 100)) return "百分比应在 0–100 之间";
  if (countUnits.test(u) && value < 0) return `以“${u}”为单位的数值不能为负数`;
  return null;
}

/** "96.3", "96.3%", "１２３", "1,234" → number; other text → null. */
export function readNumber(text: string): number | null {
  const t = text
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, "")
    .replace(/[%％]$/, "");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

const numericKinds = new Set(["threshold", "level", "band", "maintain"]);

export function observationsFromSheet(
  sheet: FilledSheet,
  plan: Plan,
  indicators: readonly Indicator[],
  recordedBy: string,
): ObservationRows {
  const errors: string[] = [];
  const col = (name: string) => sheet.header.indexOf(name);
  const idCol = col("指标ID");
  const nameCol = col("指标名称");
  const sourceCol = col("数据来源");
  const noteCol = col("备注");
  if (idCol < 0 && nameCol < 0) return { observations: [], errors: ["表头缺少“指标ID”或“指标名称”列"] };
  const yearCols = sheet.header
    .map((h, i) => ({ i, m: /^(\d{4})\s*年?$/.exec(h) }))
    .filter((x): x is { i: number; m: RegExpExecArray } => x.m !== null)
    .map(({ i, m }) => ({ i, year: Number(m[1]) }));
  if (yearCols.length === 0) return { observations: [], errors: ["表头没有年份列（如“2023年”）"] };
  for (const { year } of yearCols) {
    if (year < plan.baselineYear || year > plan.periodEnd) {
      errors.push(`年份列 ${year} 不在规划期（${plan.baselineYear}—${plan.periodEnd}年）内`);
    }
  }
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const byName = new Map(indicators.map((i) => [i.name, i]));
  const out: Observation[] = [];
  const now = new Date().toISOString();
  for (const row of sheet.rows) {
    const id = idCol >= 0 ? row.cells[idCol] : "";
    const name = nameCol >= 0 ? row.cells[nameCol] : "";
    const ind = (id ? byId.get(id) : undefined) ?? (name ? byName.get(name) : undefined);
    if (!ind) {
      errors.push(`第${row.line}行：规划中没有指标“${name || id}”`);
      continue;
    }
    for (const { i, year } of yearCols) {
      const text = row.cells[i] ?? "";
      if (text === "" || year < plan.baselineYear || year > plan.periodEnd) continue;
      const where = `第${row.line}行 ${year}年（${ind.name}）`;
      const n = readNumber(text);
      if (n === null && numericKinds.has(ind.target.expression.kind)) {
        errors.push(`${where}：应填写数值，收到“${text}”`);
        continue;
      }
      if (n !== null) {
        const problem = rangeProblem(n, ind.unit, ind.name);
        if (problem) {
          errors.push(`${where}：${problem}，收到 ${text}`);
          continue;
        }
      }
      out.push({
        indicatorId: ind.id,
        year,
        value: n !== null ? { kind: "number", value: n } : { kind: "text", text },
        source: sourceCol >= 0 ? row.cells[sourceCol] || null : null,
        note: noteCol >= 0 ? row.cells[noteCol] || null : null,
        recordedBy,
        recordedAt: now,
      });
    }
  }
  return { observations: out, errors };
}
