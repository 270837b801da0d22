import type { PlanReport } from "@ybplan/domain/report";
import ExcelJS from "exceljs";
import type { LayoutTable, ReportLayout } from "../layout.ts";
import { verdictFill, verdictInk } from "../verdict-style.ts";

/**
 * Excel workbook: a 报告正文 sheet with the narrative, the indicator sheet (numbers as numbers,
 * verdict fills), then one sheet per table of the layout. Every data sheet has a frozen header
 * row and an autofilter.
 */

type Value = string | number | null;

function sheetName(caption: string, used: Set<string>): string {
  const base =
    caption
      .replace(/^表\d+\s*/, "")
      .replace(/[[\]:*?/\\]/g, "")
      .slice(0, 28) || "表";
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)}${i}`;
  used.add(name);
  return name;
}

function dataSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
  widths: readonly number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((header, i) => ({ header, width: widths[i] ?? 12 }));
  for (const r of rows) ws.addRow([...r]);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  // Printed on A4 landscape, one page wide, the header row repeated on every page.
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:1",
  };
  return ws;
}

function colourVerdict(cell: ExcelJS.Cell, verdict: keyof typeof verdictFill) {
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${verdictFill[verdict]}` } };
  cell.font = { color: { argb: `FF${verdictInk[verdict]}` } };
}

/**
 * How a quantity is stored for people who recompute: percentages as fractions with a % format
 * (so 值 − 目标 gives the gap in the same cells' unit), money with its unit in the format.
 */
function numberStyle(unit: string | null): { scale: number; format: string; signed: string } {
  if (unit === "%") return { scale: 0.01, format: "0.00%", signed: "+0.00%;-0.00%;0.00%" };
  if (unit && /元$/.test(unit)) {
    const u = unit.replace(/"/g, "");
    return { scale: 1, format: `#,##0.00"${u}"`, signed: `+#,##0.00"${u}";-#,##0.00"${u}";0` };
  }
  const u = unit ? `"${unit.replace(/"/g, "")}"` : "";
  return { scale: 1, format: `#,##0.##${u}`, signed: `+#,##0.##${u};-#,##0.##${u};0` };
}

function indicatorSheet(wb: ExcelJS.Workbook, report: PlanReport, name: string) {
  const columns = [
    "序号",
    "类别",
    "指标名称",
    "单位",
    "属性",
    "基期值",
    "基期值（数值）",
    ...report.years.map((y) => `${y}年`),
    "目标值",
    "目标值（数值）",
    "时序进度要求",
    "评估依据值",
    "差距",
    "较上年变化",
    "评估结论",
    "约束性未达标",
    ...(report.kind === "midTerm" ? ["中期评估"] : []),
    "评估说明",
    "数据来源及说明",
  ];
  const col = (c: string) => columns.indexOf(c) + 1; // 1-based
  const numeric = [
    "基期值（数值）",
    ...report.years.map((y) => `${y}年`),
    "目标值（数值）",
    "时序进度要求",
    "评估依据值",
  ];
  const signed = ["差距", "较上年变化"];
  const rows = report.indicators.map((r) => {
    const k = numberStyle(r.unit).scale;
    const n = (v: number | null | undefined) =>
      v === null || v === undefined ? null : Math.round(v * k * 1e8) / 1e8;
    return [
      r.position,
      r.category,
      r.name,
      r.unit ?? "",
      r.attributeLabel,
      r.baseline.text,
      n(r.baseline.value),
      ...r.actuals.map((a) => (a.value !== null ? n(a.value) : a.text === "—" ? null : a.text)),
      r.target.text,
      n(r.target.value),
      n(r.expected),
      n(r.assessed.value),
      n(r.gap?.value),
      n(r.change?.delta),
      r.verdictLabel,
      r.breach ? "是" : "否",
      ...(report.kind === "midTerm" ? [r.reviewGradeLabel] : []),
      r.remedy ? `${r.reason}${r.remedy}。` : r.reason,
      [r.source, r.note].filter(Boolean).join("；") || null,
    ];
  });
  const widths = columns.map((c) =>
    c === "指标名称" ? 30 : c === "评估说明" ? 60 : c === "数据来源及说明" ? 24 : c === "序号" ? 6 : 12,
  );
  const ws = dataSheet(wb, name, columns, rows, widths);
  // Freeze the indicator columns too.
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: 1 }];
  report.indicators.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    const style = numberStyle(r.unit);
    for (const c of numeric) row.getCell(col(c)).numFmt = style.format;
    for (const c of signed) row.getCell(col(c)).numFmt = style.signed;
    colourVerdict(row.getCell(col("评估结论")), r.verdict);
    if (r.breach) row.getCell(3).font = { bold: true, color: { argb: "FF9C0006" } };
  });
}

function layoutSheet(wb: ExcelJS.Workbook, t: LayoutTable, used: Set<string>) {
  const ws = dataSheet(
    wb,
    sheetName(t.caption, used),
    t.columns,
    t.rows.map((r) => r.cells),
    (t.widths ?? t.columns.map(() => 10)).map((w) => Math.max(8, Math.min(60, w * 1.6))),
  );
  if (t.verdictColumn !== undefined) {
    t.rows.forEach((r, i) => {
      if (r.verdict) colourVerdict(ws.getRow(i + 2).getCell(t.verdictColumn! + 1), r.verdict);
    });
  }
}

export async function renderXlsx(report: PlanReport, layout: ReportLayout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ybplan";
  wb.title = layout.title;
  const used = new Set<string>(["报告正文", "主要指标"]);

  const text = wb.addWorksheet("报告正文");
  text.getColumn(1).width = 110;
  const title = text.addRow([layout.title]);
  title.font = { bold: true, size: 16 };
  text.addRow([layout.recipient]);
  for (const s of layout.sections) {
    text.addRow([]);
    text.addRow([s.heading]).font = { bold: true, size: 13 };
    for (const b of s.blocks) {
      if (b.kind === "paragraph") text.addRow([b.text]).alignment = { wrapText: true, vertical: "top" };
      else if (b.kind === "subheading") text.addRow([b.text]).font = { bold: true };
      else if (b.kind === "table") text.addRow([`（见工作表“${sheetName(b.table.caption, new Set())}”）`]);
    }
  }
  text.addRow([]);
  for (const n of layout.notes) text.addRow([n]).font = { italic: true, color: { argb: "FF595959" } };
  text.addRow([]);
  for (const line of [layout.signature.bureau, layout.signature.date]) {
    text.addRow([line]).alignment = { horizontal: "right" };
  }

  indicatorSheet(wb, report, "主要指标");
  for (const s of layout.sections) {
    for (const b of s.blocks) {
      // The indicator table is the 主要指标 sheet, with numbers instead of formatted text.
      if (b.kind === "table" && b.table.key !== "indicators") layoutSheet(wb, b.table, used);
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
