import ExcelJS from "exceljs";
import JSZip from "jszip";

/** The visible text of a docx body, paragraph by paragraph (runs joined). */
export async function docxParagraphs(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(""),
  );
}

export async function docxXml(data: Uint8Array, path = "word/document.xml"): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  return zip.file(path)!.async("string");
}

/** Rows of the docx tables: cells' text. */
export async function docxTables(data: Uint8Array): Promise<string[][][]> {
  const xml = await docxXml(data);
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => unescapeXml(x[1]!)).join(""),
      ),
    ),
  );
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export async function readWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  return wb;
}

export function sheetRows(ws: ExcelJS.Worksheet): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    // exceljs leaves trailing empty cells out; pad so every row has the sheet's width.
    out.push(
      Array.from({ length: width }, (_, i) => values[i + 1]).map((v) =>
        v === undefined || v === null ? null : typeof v === "number" ? v : String(v),
      ),
    );
  });
  return out;
}
