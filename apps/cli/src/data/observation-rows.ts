import type { Indicator, Observation, Plan } from "@ybplan/domain";
import { entryTakesText, parseEntryValue } from "@ybplan/domain/observation";
import type { FilledSheet } from "./observation-sheet.ts";

/**
 * Turns a filled template into observations, checking every cell: the indicator exists in the
 * plan, the year lies in the plan (baseline … end), values are read by the domain's entry rule
 * (`parseEntryValue`: the unit's range, full-width digits, a repeated unit), as the admin and the API do.
 * Any error rejects the whole file: nothing is saved from a partly wrong sheet.
 */

export interface ObservationRows {
  readonly observations: Observation[];
  readonly errors: string[];
}

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
      const read = parseEntryValue(text, {
        unit: ind.unit,
        name: ind.name,
        textAllowed: entryTakesText(ind.target.expression.kind),
      });
      if (read.kind === "empty") continue;
      if (read.kind === "invalid") {
        errors.push(`${where}：${read.message}，收到“${text}”`);
        continue;
      }
      out.push({
        indicatorId: ind.id,
        year,
        value: read,
        source: sourceCol >= 0 ? row.cells[sourceCol] || null : null,
        note: noteCol >= 0 ? row.cells[noteCol] || null : null,
        recordedBy,
        recordedAt: now,
      });
    }
  }
  return { observations: out, errors };
}
