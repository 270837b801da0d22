/**
 * Pure pieces of the 报告 page: the kinds and formats offered, the years a plan allows, and turning
 * the server's base64 answer into bytes, text and a browser download.
 */
export type ReportKind = "annual" | "midTerm";
export type ReportFormat = "docx" | "xlsx" | "html" | "md";

export const formatOptions: { value: ReportFormat; label: string }[] = [
  { value: "docx", label: "Word（.docx）" },
  { value: "xlsx", label: "Excel（.xlsx）" },
  { value: "html", label: "网页（.html）" },
  { value: "md", label: "Markdown（.md）" },
];

export interface PlanPeriod {
  periodStart: number;
  periodEnd: number;
}

/** The mid-term review covers the first three years of the period (2021–2023 for 十四五). */
export const midTermYear = (p: PlanPeriod) => Math.min(p.periodStart + 2, p.periodEnd);

export const kindLabel = (kind: ReportKind, p: PlanPeriod | null): string =>
  kind === "annual" ? "年度监测报告" : p ? `中期评估（${p.periodStart}–${midTermYear(p)}）` : "中期评估";

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const base64ToText = (base64: string) => new TextDecoder().decode(base64ToBytes(base64));

/** Saves the file through a temporary object URL (no server round trip for the download itself). */
export function downloadFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: file.mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
