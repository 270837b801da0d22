import { chineseNumber } from "../text/chinese-number.ts";

/**
 * Numbering styles of Chinese government documents, outermost first. Which of them a document
 * uses, and so which level each gets, differs: Huangshi goes 第X章 → 第X节 → 一、; Nanyang and
 * Hunan go 一、 → （一） → 1.
 */
export const headingStyles = [
  "part",
  "chapter",
  "section",
  "cn",
  "parenCn",
  "arabic",
  "parenArabic",
  // unnumbered headings marked up as such ("## …", <h2>), used when the body has no numbering
  "markup1",
  "markup2",
  "markup3",
  "markup4",
  "markup5",
  "markup6",
] as const;
export type HeadingStyle = (typeof headingStyles)[number];

export interface Heading {
  readonly style: HeadingStyle;
  /** The number as written: "三", "（一）" → "一", "1". */
  readonly label: string;
  /** The number's value (三 → 3). */
  readonly ordinal: number;
  /** Heading text without its number (the first sentence when the line runs on). */
  readonly title: string;
  /** Text on the same line after the title ("1. 坚持党的领导。增强…" → "增强…"). */
  readonly rest: string;
}

const HEADING_START = /^\s*[第一二三四五六七八九十百零〇两（(\d０-９]/;
const CN = "[一二三四五六七八九十百零〇两]{1,4}";
const patterns: readonly [HeadingStyle, RegExp][] = [
  ["part", new RegExp(`^第(${CN}|\\d{1,2})部分\\s*(.*)$`)],
  ["chapter", new RegExp(`^第(${CN}|\\d{1,2})章\\s*(.*)$`)],
  ["section", new RegExp(`^第(${CN}|\\d{1,2})[节節]\\s*(.*)$`)],
  ["cn", new RegExp(`^(${CN})[、．.]\\s*(.+)$`)],
  ["parenCn", new RegExp(`^[（(](${CN})[）)]\\s*(.+)$`)],
  ["arabic", /^(\d{1,2})\s*[.．、](?!\d)\s*(.+)$/],
  ["parenArabic", /^[（(](\d{1,2})[）)]\s*(.+)$/],
];

/** Table-of-contents debris: dot leaders, tab + page number, a trailing "-". */
export function stripPageNumber(text: string): string {
  return text
    .replace(/[\s]*[·.…_．]{2,}[\s]*\d*[\s-]*$/, "")
    .replace(/\t+\d{1,3}(\t+-)?\s*$/, "")
    .replace(/\t+-\s*$/, "")
    .trim();
}

/** Splits a heading's (or item's) content into a title and the running text after it. */
export function splitTitle(content: string): { title: string; rest: string } {
  const c = content.trim();
  const stop = c.search(/[。！？]/);
  if (stop >= 0 && stop <= 60) return { title: c.slice(0, stop).trim(), rest: c.slice(stop + 1).trim() };
  if (c.length <= 60) return { title: c.replace(/[：:；;]$/, ""), rest: "" };
  // A long numbered paragraph with no early full stop: the first clause is its title.
  const clause = c.search(/[，,；;：:]/);
  if (clause > 0 && clause <= 40) return { title: c.slice(0, clause), rest: c.slice(clause + 1).trim() };
  return { title: `${c.slice(0, 30)}…`, rest: c };
}

/** Reads a line as a numbered heading, or null. Tabs count as spaces (TOC rows use them). */
export function matchHeading(text: string): Heading | null {
  // every numbering style starts with 第, a Chinese numeral, a bracket or a digit
  if (!HEADING_START.test(text)) return null;
  const t = stripPageNumber(text)
    .replace(/\t+/g, " ")
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .trim();
  if (t === "") return null;
  for (const [style, re] of patterns) {
    const m = re.exec(t);
    if (!m) continue;
    const label = m[1] ?? "";
    const ordinal = chineseNumber(label);
    if (ordinal === null) continue;
    const content = (m[2] ?? "").trim();
    if (content === "" && style !== "chapter" && style !== "section" && style !== "part") continue;
    const { title, rest } = splitTitle(content);
    if (title === "") continue;
    return { style, label, ordinal, title, rest };
  }
  return null;
}

/** Headings that can never be a table cell or a 专栏 item: they end tables and boxes. */
export function isStructuralHeading(h: Heading | null): boolean {
  return (
    h !== null &&
    (h.style === "part" ||
      h.style === "chapter" ||
      h.style === "section" ||
      h.style === "cn" ||
      h.style === "parenCn")
  );
}
