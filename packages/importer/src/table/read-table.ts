import type { SourceLine } from "../lines/source-lines.ts";
import { isStructuralHeading, matchHeading } from "../outline/headings.ts";
import { keyText } from "../text/clean.ts";
import type { Warnings } from "../warnings.ts";
import {
  attributeOf,
  type Column,
  type ColumnKind,
  classifyColumns,
  headerKind,
  isIndicatorHeader,
} from "./columns.ts";
import { type FittedCell, type Fragment, fitRow } from "./fit-row.ts";

/** How the table arrived in the text. */
type TableShape = "tabRows" | "cellBlocks" | "cellLines";

/** One row of the table, its cells keyed by column kind (the first column of each kind). */
export interface TableRow {
  readonly line: number;
  readonly cells: Partial<Record<ColumnKind, FittedCell>>;
}

export interface ReadTable {
  readonly shape: TableShape;
  readonly columns: readonly Column[];
  readonly rows: readonly TableRow[];
  /** Index (into the line array) of the caption above the header, if any. */
  readonly captionIndex: number | null;
  /** Line-array indices [start, end) the table occupies (caption excluded). */
  readonly start: number;
  readonly end: number;
}

const NAME_HEADER = /^(主要指标|指标名称|指标|指标项目|具体指标|[一二三]级指标)$/;

/** Header cells name the indicator column and an attribute or year column ("2025年", "属性"). */
function looksLikeHeader(cells: readonly string[]): boolean {
  const kinds = cells.map(headerKind);
  return kinds.includes("name") && (kinds.includes("attribute") || cells.some((c) => /(19|20)\d\d/.test(c)));
}

function cellsOf(line: SourceLine): string[] {
  return line.text.split("\t").map((c) => c.trim());
}

function hasTabCells(line: SourceLine): boolean {
  return line.text.replace(/^\t+/, "").includes("\t");
}

function isSeparator(line: SourceLine): boolean {
  return line.text === "" && !line.whitespaceOnly;
}

/** The nearest caption ("…主要指标", "专栏1 …") within three lines above the header. */
function findCaption(lines: readonly SourceLine[], header: number): number | null {
  let seen = 0;
  for (let i = header - 1; i >= 0 && seen < 3; i--) {
    const t = keyText(lines[i]?.text ?? "");
    if (t === "") continue;
    seen++;
    // a numbered heading ("三、主要目标") right above the table is an outline entry, not a caption
    if (/指标|专栏|目标/.test(t) && t.length <= 60 && !/[。；]$/.test(t) && matchHeading(t) === null)
      return i;
    return null;
  }
  return null;
}

function columnKinds(columns: readonly Column[]): ColumnKind[] {
  return columns.map((c) => c.kind);
}

/** Cells by kind; a second column of the same kind (rare) is ignored with the first kept. */
function byKind(
  columns: readonly Column[],
  cells: readonly (FittedCell | null)[],
): Partial<Record<ColumnKind, FittedCell>> {
  const out: Partial<Record<ColumnKind, FittedCell>> = {};
  columns.forEach((c, i) => {
    const cell = cells[i];
    if (cell && out[c.kind] === undefined) out[c.kind] = cell;
  });
  return out;
}

// ---------------------------------------------------------------- tab-separated rows

function readTabTable(
  lines: readonly SourceLine[],
  header: number,
  baselineYear: number,
  warnings: Warnings,
): ReadTable | null {
  const headerCells = cellsOf(lines[header] as SourceLine);
  while (headerCells.length > 0 && headerCells.at(-1) === "") headerCells.pop();
  // a leading empty header cell is layout (an indent), not a column
  while (headerCells.length > 0 && headerCells[0] === "") headerCells.shift();
  // A two-row header ("目标值" spanning "2020年" | "2025年" below): the second row completes the first.
  let first = header + 1;
  const below = lines.slice(header + 1, header + 3).find((l) => l.text !== "");
  if (below && hasTabCells(below)) {
    const cells = cellsOf(below);
    const isHeaderRow =
      cells.every((c) => attributeOf(c) === null) &&
      cells.some((c) => /^(19|20)\d\d\s*年?$/.test(c.trim())) &&
      cells.every((c) => c.length <= 12);
    if (isHeaderRow) {
      const offset = cellsOf(lines[header] as SourceLine).findIndex((c) => c !== "");
      cells.slice(Math.max(0, offset)).forEach((c, k) => {
        if (c !== "" && k < headerCells.length)
          headerCells[k] = /^(19|20)\d\d/.test(c) ? c : `${headerCells[k]}${c}`;
        else if (c !== "" && k >= headerCells.length) headerCells.push(c);
      });
      first = lines.indexOf(below) + 1;
    }
  }
  const columns = classifyColumns(headerCells, baselineYear);
  if (!isIndicatorHeader(columns)) return null;
  const rows: TableRow[] = [];
  let end = first;
  for (let i = first; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (isSeparator(line) || line.whitespaceOnly) continue;
    if (!hasTabCells(line)) {
      // A line without cells between rows (a wrapped cell, a stray remark): report it and go on
      // when the table continues right after; otherwise the table has ended.
      const next = lines.slice(i + 1, i + 4).find((l) => l.text !== "");
      if (
        next &&
        hasTabCells(next) &&
        cellsOf(next).length >= columns.length - 1 &&
        !endsCellTable(line.text)
      ) {
        warnings.add(
          "unplacedRow",
          line.no,
          "指标表中间的这一行不是完整的表格行，无法放入任何单元格，已跳过",
          line.text,
        );
        continue;
      }
      break;
    }
    end = i + 1;
    const cells = cellsOf(line);
    while (cells.length > columns.length && cells.at(-1) === "") cells.pop();
    if (cells.length > columns.length) {
      warnings.add(
        "extraCells",
        line.no,
        `指标行的单元格多于表头列数（${cells.length} > ${columns.length}），多出的单元格已忽略`,
        line.text,
      );
    }
    if (cells.length < columns.length) {
      // a category given once for the group: the row starts at the name column
      if (columns[0]?.kind === "category" && cells.length === columns.length - 1) cells.unshift("");
      else {
        warnings.add(
          "extraCells",
          line.no,
          `指标行的单元格少于表头列数（${cells.length} < ${columns.length}），缺少的单元格按空白处理`,
          line.text,
        );
        while (cells.length < columns.length) cells.push("");
      }
    }
    rows.push({
      line: line.no,
      cells: byKind(
        columns,
        cells.map((text) => ({ text, line: line.no })),
      ),
    });
  }
  return { shape: "tabRows", columns, rows, captionIndex: findCaption(lines, header), start: header, end };
}

// ---------------------------------------------------------------- one cell per line

/** Ends a one-cell-per-line table: a heading, a note, a 专栏, or a paragraph of running text. */
function endsCellTable(text: string): boolean {
  const t = text.replace(/^\t+/, "").trim();
  if (/^(注|说明|備註|备注|資料來源|资料来源)\s*[:：]/.test(t)) return true;
  if (/^(专栏|專欄)\s*\d/.test(t)) return true;
  if (isStructuralHeading(matchHeading(t))) return true;
  return t.length > 60 && /[。；]/.test(t);
}

/** Header fragments as columns: "(統計周期內/…)" belongs to the cell above; "指標" + "屬性" is one cell. */
function mergeHeader(fragments: readonly Fragment[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < fragments.length; i++) {
    const t = (fragments[i] as Fragment).text.trim();
    if (/^[（(]/.test(t) && out.length > 0) out[out.length - 1] += t;
    else if (/^(指标|指標)$/.test(t) && i + 1 < fragments.length) {
      out.push(t + (fragments[i + 1] as Fragment).text.trim());
      i++;
    } else out.push(t);
  }
  return out;
}

function readCellTable(
  lines: readonly SourceLine[],
  nameHeader: number,
  baselineYear: number,
  warnings: Warnings,
): ReadTable | null {
  // The header may start one cell above "主要指标": the category column's header ("指標維度").
  let start = nameHeader;
  for (let i = nameHeader - 1; i >= 0; i--) {
    const t = (lines[i] as SourceLine).text.replace(/^\t+/, "").trim();
    if (t === "") continue;
    if (t.length <= 8 && headerKind(t) === "category") start = i;
    break;
  }
  // Cells on consecutive lines with blank lines between rows (Heshan), or every cell alone (Hunan)?
  let blocks = false;
  for (let i = start; i < Math.min(lines.length - 1, start + 12); i++) {
    const a = lines[i] as SourceLine;
    const b = lines[i + 1] as SourceLine;
    if (!isSeparator(a) && !isSeparator(b)) blocks = true;
  }
  const fragments: Fragment[] = [];
  let blankRun = 0;
  let stopAt = lines.length;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (isSeparator(line) || (!blocks && line.whitespaceOnly)) {
      blankRun++;
      continue;
    }
    if (endsCellTable(line.text)) {
      stopAt = i;
      break;
    }
    // Hunan: one blank line between cells, so an extra blank line is an empty cell
    if (!blocks && blankRun >= 2 && fragments.length > 0) {
      for (let e = 0; e < blankRun - 1; e++) fragments.push({ text: "", line: line.no - 1 });
    }
    blankRun = 0;
    fragments.push({ text: line.whitespaceOnly ? "" : line.text.replace(/^\t+/, "").trim(), line: line.no });
  }
  // header: up to and including the attribute header
  const attrHeader = fragments.findIndex((f, i) => i < 12 && /属性|屬性/.test(f.text));
  if (attrHeader < 0) return null;
  const columns = classifyColumns(mergeHeader(fragments.slice(0, attrHeader + 1)), baselineYear);
  if (!isIndicatorHeader(columns) || columns.at(-1)?.kind !== "attribute") return null;
  const kinds = columnKinds(columns).slice(0, -1);
  const rows: TableRow[] = [];
  let pending: Fragment[] = [];
  let lastLineNo = fragments[attrHeader]?.line ?? 0;
  for (const f of fragments.slice(attrHeader + 1)) {
    if (attributeOf(f.text) === null) {
      pending.push(f);
      continue;
    }
    // trailing empty pieces are layout (block separators), not cells
    const body = pending.filter((p, i) => p.text !== "" || i < pending.length - 0);
    const fit = fitRow(body, kinds, kinds[0] === "category");
    if (fit === null) {
      for (const p of body) warnings.add("unplacedRow", p.line, "无法将此行放入指标表的列中", p.text);
    } else {
      if (fit.ambiguous) {
        warnings.add(
          "ambiguousSplit",
          body[0]?.line ?? f.line,
          "指标表此行的单元格换行有多种拆分方式，已按最可能的一种读取，请核对",
          body.map((p) => p.text).join(" | "),
        );
      }
      const cells = byKind(columns, [...fit.cells, { text: f.text, line: f.line }]);
      rows.push({ line: (body.find((p) => p.text !== "") ?? f).line, cells });
    }
    lastLineNo = f.line;
    pending = [];
  }
  for (const p of pending) {
    if (p.text !== "")
      warnings.add(
        "unplacedRow",
        p.line,
        "指标表末尾的内容无法组成完整的指标行（缺少指标属性），已忽略",
        p.text,
      );
  }
  const lastIndex = lines.findIndex((l) => l.no > lastLineNo);
  const end = pending.some((p) => p.text !== "")
    ? stopAt
    : lastIndex < 0
      ? lines.length
      : Math.min(lastIndex, stopAt);
  return {
    shape: blocks ? "cellBlocks" : "cellLines",
    columns,
    rows,
    captionIndex: findCaption(lines, start),
    start,
    end,
  };
}

// ---------------------------------------------------------------- locate

/**
 * Finds the main-indicator table: the first header that names an indicator column and a value
 * column, either as one tab-separated line or as one header cell per line. Later indicator
 * headers are reported, not read (a plan has one main table).
 */
export function readIndicatorTable(
  lines: readonly SourceLine[],
  baselineYear: number,
  warnings: Warnings,
): ReadTable | null {
  let found: ReadTable | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (found && i < found.end) continue;
    let table: ReadTable | null = null;
    if (hasTabCells(line)) {
      const cells = cellsOf(line).filter((c) => c !== "");
      if (cells.length >= 3 && cells.every((c) => c.length <= 20) && looksLikeHeader(cells)) {
        table = readTabTable(lines, i, baselineYear, warnings);
      }
    } else if (line.text.length <= 12 && NAME_HEADER.test(keyText(line.text))) {
      table = readCellTable(lines, i, baselineYear, warnings);
    }
    if (table === null || table.rows.length === 0) continue;
    if (found === null) found = table;
    else {
      warnings.add("secondTable", line.no, "文档中还有一张指标表，仅导入了第一张", line.text);
      i = table.end;
    }
  }
  return found;
}
