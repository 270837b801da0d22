import { Result } from "effect";
import { ProcurementImportError, type RowIssue } from "../errors.ts";

/**
 * A table read from a file, before validation. CSV text goes through `parseCsv`; the API reads
 * XLSX sheets into the same shape, so both formats share one validator. `line` is the 1-based line
 * (CSV) or row number (XLSX) users see in their editor.
 */
export interface RawTable {
  readonly headerLine: number;
  readonly header: readonly string[];
  readonly rows: readonly RawRow[];
}
export interface RawRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * RFC 4180 CSV: quoted fields with "" escapes and embedded newlines, CRLF or LF, a UTF-8 BOM
 * dropped. Blank lines are skipped. The first non-blank line is the header.
 */
export function parseCsv(text: string): Result.Result<RawTable, ProcurementImportError> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: RawRow[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const startLine = line;
    const cells: string[] = [];
    let cell = "";
    let ended = false;
    while (!ended) {
      if (i >= src.length) {
        cells.push(cell);
        break;
      }
      const ch = src[i]!;
      if (ch === '"' && cell === "") {
        // Quoted field: runs to the closing quote, may span lines.
        i += 1;
        let closed = false;
        while (i < src.length) {
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === "\n") line += 1;
          cell += c;
          i += 1;
        }
        if (!closed) {
          return Result.fail(
            new ProcurementImportError({
              issues: [{ line: startLine, field: null, message: "引号未闭合，文件格式错误" }],
            }),
          );
        }
        const next = src[i];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
          return Result.fail(
            new ProcurementImportError({
              issues: [{ line, field: null, message: "引号字段后应为逗号或换行" }],
            }),
          );
        }
        continue;
      }
      if (ch === ",") {
        cells.push(cell);
        cell = "";
        i += 1;
      } else if (ch === "\r" || ch === "\n") {
        cells.push(cell);
        i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
        line += 1;
        ended = true;
      } else {
        cell += ch;
        i += 1;
      }
    }
    if (cells.some((c) => c.trim() !== "")) records.push({ line: startLine, cells });
  }
  const [head, ...rows] = records;
  if (head === undefined) {
    return Result.fail(
      new ProcurementImportError({ issues: [{ line: 1, field: null, message: "文件为空" }] }),
    );
  }
  return Result.succeed({ headerLine: head.line, header: head.cells, rows });
}

/** A column the validator knows, with the header spellings it accepts (English and Chinese). */
export interface ColumnSpec<K extends string> {
  readonly key: K;
  readonly headers: readonly string[];
  readonly required: boolean;
}

/** Where each known column sits in one table. */
export interface Columns<K extends string> {
  readonly at: ReadonlyMap<K, { index: number; header: string }>;
  readonly specs: readonly ColumnSpec<K>[];
}

/** Where each known column sits, plus the header problems (missing or repeated columns). */
export function locateColumns<K extends string>(
  table: RawTable,
  specs: readonly ColumnSpec<K>[],
): { columns: Columns<K>; issues: RowIssue[] } {
  const norm = (h: string) => h.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  const at = new Map<K, { index: number; header: string }>();
  const issues: RowIssue[] = [];
  table.header.forEach((raw, index) => {
    const h = norm(raw);
    const spec = specs.find((s) => s.headers.some((alias) => norm(alias) === h));
    if (spec === undefined) return;
    if (at.has(spec.key)) {
      issues.push({ line: table.headerLine, field: raw, message: `列“${raw}”重复` });
      return;
    }
    at.set(spec.key, { index, header: raw.trim() });
  });
  for (const s of specs) {
    if (s.required && !at.has(s.key)) {
      issues.push({
        line: table.headerLine,
        field: s.headers[0]!,
        message: `缺少必填列“${s.headers[0]}”（也可写作：${s.headers.slice(1).join("、")}）`,
      });
    }
  }
  return { columns: { at, specs }, issues };
}

/** The column's header as the file writes it, or its first accepted spelling when absent. */
export function headerOf<K extends string>(columns: Columns<K>, key: K): string {
  return columns.at.get(key)?.header ?? columns.specs.find((s) => s.key === key)?.headers[0] ?? key;
}

/** Reads one row's cells by column key; records issues against the column's header. */
export class RowReader<K extends string> {
  readonly issues: RowIssue[] = [];
  constructor(
    private readonly columns: Columns<K>,
    readonly row: RawRow,
  ) {}

  /** Trimmed text, or "" when the column is absent or empty. */
  text(key: K): string {
    const col = this.columns.at.get(key);
    return col === undefined ? "" : (this.row.cells[col.index] ?? "").trim();
  }

  field(key: K): string {
    return headerOf(this.columns, key);
  }

  fail(key: K | null, message: string): void {
    this.issues.push({ line: this.row.line, field: key === null ? null : this.field(key), message });
  }

  required(key: K, what: string): string | null {
    const v = this.text(key);
    if (v === "") {
      this.fail(key, `${what}不能为空`);
      return null;
    }
    return v;
  }

  /** Optional number; accepts full-width digits, thousands separators and a trailing %. */
  number(key: K, what: string, range?: { min?: number; max?: number }): number | null {
    const raw = this.text(key);
    if (raw === "") return null;
    const s = raw.normalize("NFKC").replace(/,/g, "").replace(/%$/, "");
    const n = Number(s);
    if (s === "" || !Number.isFinite(n)) {
      this.fail(key, `${what}“${raw}”不是有效数字`);
      return null;
    }
    if (range?.min !== undefined && n < range.min) {
      this.fail(key, `${what}不能小于${range.min}`);
      return null;
    }
    if (range?.max !== undefined && n > range.max) {
      this.fail(key, `${what}不能大于${range.max}`);
      return null;
    }
    return n;
  }
}

/** Normalised spelling used to match names across rows ("第三批" in two files). */
export function nameKey(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}
