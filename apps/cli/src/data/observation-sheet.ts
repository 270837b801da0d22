import type { Indicator, Observation, Plan } from "@ybplan/domain";
import { indicatorAttributeLabels } from "@ybplan/domain/indicator";
import { plainCellText } from "@ybplan/domain/text";
import ExcelJS from "exceljs";

/**
 * The observation fill-in template (`ybplan template observations`) and the reader of a filled
 * one (`ybplan import observations`, .xlsx or .csv with the same columns). One row per indicator,
 * one column per year; the 指标ID column ties a row to its indicator.
 */

const DATA_SHEET = "监测数据";
const INFO_SHEET = "填报说明";
const PLAN_ID_LABEL = "规划ID";
/** Hidden sheet: the version of every value the template was filled from (indicator, year, version). */
const VERSION_SHEET = "版本";

/** A stored value as the template shows it, with the version the import sends back. */
export interface TemplateValue {
  readonly indicatorId: string;
  readonly year: number;
  readonly value: Observation["value"];
  readonly version: number;
}

/** The grey columns before the years, with their widths. */
const fixedColumns = [
  { header: "指标ID", width: 38 },
  { header: "序号", width: 6 },
  { header: "类别", width: 12 },
  { header: "指标名称", width: 36 },
  { header: "单位", width: 8 },
  { header: "属性", width: 8 },
  { header: "基期值", width: 14 },
  { header: "目标值", width: 18 },
];

export async function buildTemplate(
  plan: Plan,
  jurisdictionName: string,
  indicators: readonly Indicator[],
  observations: readonly TemplateValue[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ybplan";
  const info = wb.addWorksheet(INFO_SHEET);
  info.getColumn(1).width = 14;
  info.getColumn(2).width = 90;
  info.addRows([
    ["规划", plan.title],
    [PLAN_ID_LABEL, plan.id],
    ["行政区划", `${jurisdictionName}（${plan.jurisdictionCode}）`],
    ["规划期", `${plan.periodStart}—${plan.periodEnd}年，基期 ${plan.baselineYear} 年`],
    [],
    [
      "填写方法",
      `在“${DATA_SHEET}”表的年份列填写各年度实际值：百分比只填数字（96.3 表示 96.3%），定性指标可填文字说明。`,
    ],
    ["", "灰色列（指标ID 至 目标值）请勿修改；空白单元格表示不填报，不会删除已有数据。"],
    ["", "填好后运行：ybplan import observations <本文件>"],
  ]);
  info.getColumn(1).font = { bold: true };

  const years: number[] = [];
  for (let y = plan.baselineYear; y <= plan.periodEnd; y++) years.push(y);
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", xSplit: 4, ySplit: 1 }] });
  ws.columns = [
    ...fixedColumns,
    ...years.map((y) => ({ header: `${y}年`, width: 12 })),
    { header: "数据来源", width: 20 },
    { header: "备注", width: 24 },
  ];
  ws.getColumn(1).hidden = true;
  const byKey = new Map(observations.map((o) => [`${o.indicatorId}:${o.year}`, o]));
  for (const ind of [...indicators].sort((a, b) => a.position - b.position)) {
    const values = years.map((y) => {
      const o = byKey.get(`${ind.id}:${y}`);
      return o ? (o.value.kind === "number" ? o.value.value : o.value.text) : null;
    });
    const row = ws.addRow([
      ind.id,
      ind.position,
      ind.category,
      ind.name,
      ind.unit ?? "",
      indicatorAttributeLabels[ind.attribute],
      plainCellText(ind.baseline.text),
      plainCellText(ind.target.text),
      ...values,
      null,
      null,
    ]);
    for (let c = 1; c <= fixedColumns.length; c++) {
      row.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
    }
  }
  ws.getRow(1).font = { bold: true };
  // The import sends these back: a value someone saved after the template was made is a conflict.
  const versions = wb.addWorksheet(VERSION_SHEET, { state: "veryHidden" });
  versions.addRow(["指标ID", "年份", "版本"]);
  for (const o of observations) versions.addRow([o.indicatorId, o.year, o.version]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A filled template, as rows of header → cell text. */
export interface FilledSheet {
  readonly planId: string | null;
  readonly header: readonly string[];
  /** Versions of the values the template was made from, by `${indicatorId}:${year}` (empty for CSV). */
  readonly versions: ReadonlyMap<string, number>;
  /** `line`: spreadsheet row number (1-based, header is 1). */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v.trim();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    if ("result" in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ("richText" in v)
      return v.richText
        .map((t) => t.text)
        .join("")
        .trim();
    if ("text" in v) return String(v.text).trim();
  }
  return String(v).trim();
}

export async function readFilledXlsx(data: Uint8Array): Promise<FilledSheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  let planId: string | null = null;
  wb.getWorksheet(INFO_SHEET)?.eachRow((row) => {
    if (cellText(row.getCell(1).value) === PLAN_ID_LABEL) planId = cellText(row.getCell(2).value) || null;
  });
  const ws =
    wb.getWorksheet(DATA_SHEET) ??
    wb.worksheets.find((w) => {
      const first = (w.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
      return first.includes("指标名称") || first.includes("指标ID");
    });
  const versions = new Map<string, number>();
  wb.getWorksheet(VERSION_SHEET)?.eachRow((row, line) => {
    const version = Number(cellText(row.getCell(3).value));
    if (line > 1 && Number.isInteger(version)) {
      versions.set(`${cellText(row.getCell(1).value)}:${cellText(row.getCell(2).value)}`, version);
    }
  });
  if (!ws) return { planId, header: [], versions, rows: [] };
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const rows: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells = header.map((_, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((c) => c !== "")) rows.push({ line, cells });
  });
  return { planId, header, versions, rows };
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); a UTF-8 BOM is ignored. */
export function readFilledCsv(text: string): FilledSheet {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [head = [], ...body] = records;
  const header = head.map((h) => h.trim());
  const planCol = header.indexOf(PLAN_ID_LABEL);
  const rows = body
    .map((cells, i) => ({ line: i + 2, cells: header.map((_, j) => (cells[j] ?? "").trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  const planId = planCol >= 0 ? (rows.find((r) => r.cells[planCol])?.cells[planCol] ?? null) : null;
  return { planId, header, versions: new Map(), rows };
}
