import { assessmentRuleFromFootnote, inferDirection } from "@ybplan/domain/indicator";
import type { IndicatorDraft } from "@ybplan/domain/plan";
import { type ParsedCell, parseTargetCell, type TargetExpression } from "@ybplan/domain/target";
import { extractFootnoteMarks, splitNameAndUnit } from "@ybplan/domain/text";
import { clean, cleanProse, keyText } from "../text/clean.ts";
import type { Warnings } from "../warnings.ts";
import { attributeOf } from "./columns.ts";
import type { FittedCell } from "./fit-row.ts";
import type { Footnote } from "./footnotes.ts";
import type { TableRow } from "./read-table.ts";

const NO_CELL: ParsedCell = { text: "", expression: { kind: "notApplicable" }, footnoteMarks: [] };

/** The unit the value itself carries ("890億元" → 亿元); null when parts disagree or none is given. */
export function unitOfExpression(e: TargetExpression): string | null {
  switch (e.kind) {
    case "threshold":
    case "level":
    case "band":
      return e.quantity.unit;
    case "compound": {
      const units = new Set(e.parts.map((p) => unitOfExpression(p.target)));
      return units.size === 1 ? ([...units][0] ?? null) : null;
    }
    default:
      return null;
  }
}

function parseValue(cell: FittedCell | undefined, column: string, warnings: Warnings): ParsedCell {
  if (cell === undefined) return NO_CELL;
  const parsed = parseTargetCell(cell.text);
  if (attributeOf(cell.text) !== null) {
    warnings.add(
      "shiftedCell",
      cell.line,
      `${column}单元格写的是指标属性“${cell.text.trim()}”，疑为表格错位，请人工核对`,
      cell.text,
    );
  } else if (parsed.expression.kind === "unrecognised") {
    warnings.add(
      "unreadableCell",
      cell.line,
      `无法识别${column}单元格：${parsed.expression.reason}`,
      cell.text,
    );
  }
  return parsed;
}

/** Stable key within the plan: category + name, simplified, without spaces and brackets' width. */
export function indicatorKey(category: string, name: string): string {
  return `${keyText(category)}/${keyText(name)}`;
}

/**
 * Turns table rows into indicator drafts: category inherited down the group, name split from its
 * unit and footnote marks, cells parsed by the domain's target parser (original text kept), units
 * from the name or else from the values, footnotes attached by their marks, direction and
 * assessment rule inferred. Every cell it cannot read becomes a warning.
 */
export function buildIndicators(
  rows: readonly TableRow[],
  footnotes: readonly Footnote[],
  warnings: Warnings,
  options: { hasAttributeColumn?: boolean; headerLine?: number } = {},
): IndicatorDraft[] {
  const out: IndicatorDraft[] = [];
  const hasAttributeColumn = options.hasAttributeColumn ?? true;
  if (!hasAttributeColumn && rows.length > 0) {
    warnings.add(
      "missingAttribute",
      options.headerLine ?? rows[0]?.line ?? 0,
      "指标表没有“指标属性”列，全部指标按预期性处理，请核对",
    );
  }
  const keys = new Set<string>();
  const usedMarks = new Set<string>();
  let category = "";
  let categorySource = "";
  for (const row of rows) {
    const nameCell = row.cells.name;
    if (nameCell === undefined || nameCell.text.trim() === "") {
      warnings.add(
        "unplacedRow",
        row.line,
        "指标行缺少指标名称，已跳过",
        Object.values(row.cells)
          .map((c) => c?.text)
          .join(" | "),
      );
      continue;
    }
    const given = row.cells.category?.text.trim() ?? "";
    if (given !== "") {
      category = clean(given);
      categorySource = given;
    } else if (out.length === 0) {
      warnings.add("missingCategory", row.line, "第一行指标没有类别（维度）", nameCell.text);
    }
    const { text: nameText, marks: nameMarks } = extractFootnoteMarks(nameCell.text);
    const split = splitNameAndUnit(nameText);
    const name = clean(split.name);
    const baseline = parseValue(row.cells.baseline, "基期值", warnings);
    const target = parseValue(row.cells.target, "目标值", warnings);
    let unit = split.unit ?? unitOfExpression(target.expression) ?? unitOfExpression(baseline.expression);
    if (unit === "个" && /耗材/.test(name) && /品种/.test(name)) {
      // consumables are counted in classes (类); some plans write 个 (domain-rules §3.4)
      warnings.add(
        "unitNormalised",
        row.line,
        "高值医用耗材带量采购按“类”计数，单位“个”已规范为“类”",
        nameCell.text,
      );
      unit = "类";
    }
    const attributeText = row.cells.attribute?.text ?? "";
    const attribute = attributeOf(attributeText);
    if (attribute === null && hasAttributeColumn) {
      warnings.add(
        "missingAttribute",
        row.line,
        "无法识别指标属性（约束性/预期性），按预期性处理",
        attributeText,
      );
    }
    const marks = [...new Set([...nameMarks, ...baseline.footnoteMarks, ...target.footnoteMarks])];
    const notes: string[] = [];
    for (const mark of marks) {
      const note = footnotes.find((f) => f.mark === mark);
      if (note) {
        notes.push(note.text);
        usedMarks.add(mark);
      } else {
        warnings.add("missingFootnote", row.line, `指标行标注了${mark}，但表下没有对应的注释`, nameCell.text);
      }
    }
    const footnote = notes.length > 0 ? notes.join("\n") : null;
    const definitionText = row.cells.definition?.text.trim() ?? null;
    const definition =
      definitionText === null || definitionText === "" || /^[—–\-－―/／]+$/.test(definitionText)
        ? null
        : cleanProse(definitionText);
    let key = indicatorKey(category, name);
    if (keys.has(key)) {
      warnings.add("duplicateIndicator", row.line, "指标名称在同一类别中重复出现", name);
      let n = 2;
      while (keys.has(`${key}#${n}`)) n++;
      key = `${key}#${n}`;
    }
    keys.add(key);
    out.push({
      key,
      position: out.length + 1,
      category,
      name,
      unit,
      baseline,
      target,
      attribute: attribute ?? "expected",
      direction: inferDirection(name, target.expression),
      definition,
      footnote,
      assessment: assessmentRuleFromFootnote(footnote),
      confidence: "table",
      line: row.line,
      source: {
        category: categorySource,
        name: nameCell.text,
        definition: definitionText,
        attribute: attributeText,
      },
    });
  }
  for (const f of footnotes) {
    if (f.mark !== "" && !usedMarks.has(f.mark)) {
      warnings.add("unusedFootnote", f.line, `注释${f.mark}没有对应的指标行`, f.text);
    }
  }
  return out;
}
