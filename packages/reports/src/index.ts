import type { PlanReport } from "@ybplan/domain/report";
import { layoutReport } from "./layout.ts";
import { type DocxOptions, renderDocx } from "./render/docx.ts";
import { renderHtml } from "./render/html.ts";
import { renderMarkdown } from "./render/markdown.ts";
import { renderXlsx } from "./render/xlsx.ts";

export { seriesNames, trajectoryChartXml, trajectoryLines, trajectoryWorkbook } from "./charts/native.ts";
export { chartTitle } from "./charts/scale.ts";
export { trajectorySvg } from "./charts/trajectory.ts";
export type {
  Block,
  Cell,
  LayoutFigure,
  LayoutRow,
  LayoutSection,
  LayoutTable,
  ReportLayout,
} from "./layout.ts";
export { indicatorColumns, layoutReport, pickCharts } from "./layout.ts";
export { verdictFill, verdictInk } from "./verdict-style.ts";

export const reportFormats = ["docx", "xlsx", "html", "md"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportMimeTypes: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

export function isReportFormat(s: string): s is ReportFormat {
  return (reportFormats as readonly string[]).includes(s);
}

export interface RenderOptions {
  /** docx: leave the figure's native charts out. */
  readonly charts?: boolean | undefined;
  /** docx: how many trajectories the figure shows (default 6). */
  readonly figureCharts?: number | undefined;
}

export interface RenderedReport {
  readonly format: ReportFormat;
  /** File body: UTF-8 text for html and md, bytes for docx and xlsx. */
  readonly data: Uint8Array;
  readonly mimeType: string;
  /** Suggested file name, e.g. "420200-2023-年度监测报告.docx". */
  readonly fileName: string;
}

/** File name for a report: jurisdiction code, year, kind; safe on every file system. */
export function reportFileName(report: PlanReport, format: ReportFormat): string {
  const kind = report.kind === "midTerm" ? "中期评估报告" : "年度监测报告";
  return `${report.jurisdiction.code}-${report.jurisdiction.name}-${report.year}-${kind}.${format}`;
}

/**
 * Renders a report. The one entry point the CLI, the server's download endpoint and tests use.
 */
export async function renderReport(
  report: PlanReport,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  const layout = layoutReport(report, { figureCharts: options.figureCharts });
  let data: Uint8Array;
  switch (format) {
    case "md":
      data = new TextEncoder().encode(renderMarkdown(layout));
      break;
    case "html":
      data = new TextEncoder().encode(renderHtml(report, layout));
      break;
    case "docx": {
      const docxOptions: DocxOptions = { charts: options.charts };
      data = await renderDocx(layout, docxOptions);
      break;
    }
    case "xlsx":
      data = await renderXlsx(report, layout);
      break;
  }
  return { format, data, mimeType: reportMimeTypes[format], fileName: reportFileName(report, format) };
}

/**
 * HTTP headers for serving a rendered report as a download (server endpoint, admin link):
 * `Content-Disposition` carries the Chinese file name RFC 5987-encoded, with an ASCII fallback.
 */
export function downloadHeaders(file: RenderedReport): Record<string, string> {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return {
    "Content-Type": file.mimeType,
    "Content-Length": String(file.data.byteLength),
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "Cache-Control": "no-store",
  };
}
