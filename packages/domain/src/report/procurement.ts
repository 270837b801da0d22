import { derivedObservationSource, procurementCategoryForIndicatorName } from "../procurement/derive.ts";
import { formatDifference, formatQuantity } from "./format.ts";
import type { IndicatorRow, ProcurementSection } from "./model.ts";

/**
 * The procurement section speaks of the plan's own procurement indicators with the value the
 * evaluation used (entered or derived from the records, saying which) and the plan's baseline, in
 * the jurisdiction's own word; the records section's count sentences are replaced by these.
 */
export function procurementParagraphs(
  rows: readonly IndicatorRow[],
  scopeWord: string,
  year: number,
): string[] {
  return rows
    .filter((r) => procurementCategoryForIndicatorName(r.name) !== null)
    .sort((a, b) => a.position - b.position)
    .map((r) => {
      const head = `截至${year}年底，${scopeWord}${r.name.replace(/（[^）]*）$/, "")}`;
      if (r.assessed.value === null) return `${head}暂无${year}年数据，${r.verdictLabel}。`;
      const how = r.source === derivedObservationSource ? "按集中带量采购执行记录统计" : "据填报数据";
      const parts = [`${head}${how}为${r.assessed.text}`];
      if (r.baseline.value !== null) {
        const d = r.assessed.value - r.baseline.value;
        const change =
          Math.abs(d) < 0.005 ? "持平" : `${d > 0 ? "增加" : "减少"}${formatDifference(d, r.unit)}`;
        // Without a plan baseline the line starts from a recorded year's value: name that year.
        const from = r.baseline.observedYear === undefined ? "基期" : `${r.baseline.observedYear}年末`;
        parts.push(`较${from}（${formatQuantity(r.baseline.value, r.unit)}）${change}`);
      }
      parts.push(`规划目标为“${r.target.text}”`);
      // The rest is the indicator's own reading (line or target, one gap, verdict).
      const rest = r.reason.replace(/^[^，]*，?/, "").replace(/。$/, "");
      if (rest) parts.push(rest);
      return `${parts.join("，")}。`;
    });
}

/** The section with its count sentences taken from the indicator rows. */
export function alignProcurementSection(
  section: ProcurementSection,
  rows: readonly IndicatorRow[],
  scopeWord: string,
  year: number,
): ProcurementSection {
  const own = procurementParagraphs(rows, scopeWord, year);
  if (own.length === 0)
    return { ...section, paragraphs: section.paragraphs.map((p) => p.replaceAll("本地区", scopeWord)) };
  const entered = rows.some(
    (r) =>
      procurementCategoryForIndicatorName(r.name) !== null &&
      r.assessed.value !== null &&
      r.source !== derivedObservationSource,
  );
  return {
    ...section,
    paragraphs: [
      ...own,
      ...section.paragraphs
        .filter((p) => !/^截至\d{4}年12月31日，本地区累计/.test(p))
        .map((p) => p.replaceAll("本地区", scopeWord)),
    ],
    // With entered values the records' running count is another figure for the same fact.
    tables: entered ? section.tables.filter((t) => t.title !== "集中带量采购累计数量") : section.tables,
  };
}
