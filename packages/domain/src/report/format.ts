import type { Jurisdiction } from "../jurisdiction/schema.ts";
import type { ParsedCell, SimpleTarget } from "../target/expression.ts";

/** Rounds away float noise and prints at most two decimals ("96.3", "112", "0.35"). */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** "96.3%", "890亿元", "112" (unit null). */
export function formatQuantity(n: number, unit: string | null): string {
  return `${formatNumber(n)}${unit ?? ""}`;
}

/** A difference: percentages are spoken of in 个百分点. */
export function formatDifference(delta: number, unit: string | null): string {
  const abs = formatNumber(Math.abs(delta));
  if (unit === "%") return `${abs}个百分点`;
  return `${abs}${unit ?? ""}`;
}

/** Signed change for tables: "+0.4个百分点", "-1.2亿元", "持平". */
export function formatSignedChange(delta: number, unit: string | null): string {
  if (Math.abs(delta) < 0.005) return "持平";
  return `${delta > 0 ? "+" : "-"}${formatDifference(delta, unit)}`;
}

/** 全省 / 全市 / 全县 — the way a bureau names its own territory in a report. */
export function scopeWordOf(j: Pick<Jurisdiction, "level" | "name">): string {
  if (j.level === "province") {
    if (j.name.endsWith("自治区")) return "全区";
    if (j.name.endsWith("市")) return "全市";
    return "全省";
  }
  if (j.level === "city") {
    if (j.name.endsWith("州")) return "全州";
    if (j.name.endsWith("盟")) return "全盟";
    return "全市";
  }
  if (j.name.endsWith("市")) return "全市";
  if (j.name.endsWith("区")) return "全区";
  if (j.name.endsWith("旗")) return "全旗";
  return "全县";
}

/** The number a simple target or baseline expression names (threshold, level, band centre). */
export function simpleNumber(e: SimpleTarget): number | null {
  switch (e.kind) {
    case "threshold":
    case "level":
    case "band":
      return e.quantity.value;
    default:
      return null;
  }
}

/** The number behind a cell, if it has exactly one. */
export function cellNumber(cell: ParsedCell): number | null {
  return cell.expression.kind === "compound" ? null : simpleNumber(cell.expression);
}

/** Cell text for print: the original text without footnote markers; "—" when empty. */
export function cellText(cell: ParsedCell): string {
  const t = cell.text
    .replace(/<sup>.*?<\/sup>/g, "")
    .replace(/\^?[①②③④⑤⑥⑦⑧⑨⑩]/g, "")
    .trim();
  return t === "" ? "—" : t;
}
