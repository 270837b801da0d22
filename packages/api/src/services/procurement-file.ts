import { ProcurementImportError, parseCsv, type RawRow, type RawTable } from "@ybplan/domain/procurement";
import { Result } from "effect";
import type ExcelJS from "exceljs";

/**
 * Reads an uploaded procurement table (CSV or XLSX) into the domain's `RawTable`; validation is
 * the domain's. CSV may be UTF-8 (with or without BOM) or GB18030/GBK, which Excel writes on
 * Chinese Windows. XLSX: the first worksheet; `line` is the spreadsheet row number.
 */
export async function readProcurementFile(
  fileName: string,
  bytes: Uint8Array,
): Promise<Result.Result<RawTable, ProcurementImportError>> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return parseCsv(decodeText(bytes));
  if (lower.endsWith(".xlsx")) return readXlsx(bytes);
  return Result.fail(
    new ProcurementImportError({ issues: [{ line: 1, field: null, message: "仅支持 CSV 或 XLSX 文件" }] }),
  );
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<Result.Result<RawTable, ProcurementImportError>> {
  // Loaded on use: exceljs is large and only uploads need it.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return Result.fail(
      new ProcurementImportError({
        issues: [{ line: 1, field: null, message: "无法读取 XLSX 文件，请确认文件未损坏" }],
      }),
    );
  }
  const sheet = workbook.worksheets[0];
  const rows: RawRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((x) => x.trim() !== "")) rows.push({ line: rowNumber, cells });
  });
  const [head, ...rest] = rows;
  if (head === undefined) {
    return Result.fail(
      new ProcurementImportError({ issues: [{ line: 1, field: null, message: "文件为空" }] }),
    );
  }
  return Result.succeed({ headerLine: head.line, header: head.cells, rows: rest });
}

/** Cell value as the user sees it: dates as YYYY-MM-DD, links by their text, formulas by result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("error" in v) return "";
    return "";
  }
  return String(v);
}
