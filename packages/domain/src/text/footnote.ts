/**
 * Footnote markers in plan tables: "①", "^②", "<sup>③</sup>", "<sup>4</sup>", superscript
 * digits "¹", glued to the text or separated by spaces. All are reported as circled digits.
 */

const CIRCLED_FIRST = 0x2460; // ①; ① … ⑳ are U+2460 … U+2473
const CIRCLED = "[\u2460-\u2473]";
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 1 → "①" … 20 → "⑳"; other numbers as "[n]". */
export function circledDigit(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(CIRCLED_FIRST + n - 1) : `[${n}]`;
}

function markFrom(raw: string): string | null {
  const t = raw.trim();
  if (new RegExp(`^${CIRCLED}$`).test(t)) return t;
  if (/^\d{1,2}$/.test(t)) return circledDigit(Number(t));
  if (t === "*" || t === "△" || t === "#") return t;
  return null;
}

export interface FootnoteExtraction {
  /** The text without its markers, spaces collapsed and trimmed. */
  readonly text: string;
  /** Markers in order of appearance, without repeats, as circled digits ("①"). */
  readonly marks: readonly string[];
}

const SUP_TAG = /<sup>\s*([^<]{0,6}?)\s*<\/sup>/gi;
const CARET_MARK = new RegExp(`\\^\\s*(${CIRCLED}|\\d{1,2})`, "g");
const BARE_CIRCLED = new RegExp(CIRCLED, "g");
const SUPERSCRIPT_RUN = new RegExp(`(?<![A-Za-z])[${SUPERSCRIPT_DIGITS}]+`, "g");

/** Lifts footnote markers out of a cell or name. Never throws; text without markers is returned trimmed. */
export function extractFootnoteMarks(s: string): FootnoteExtraction {
  const marks: string[] = [];
  const add = (mark: string | null): void => {
    if (mark !== null && !marks.includes(mark)) marks.push(mark);
  };
  let text = s.replace(SUP_TAG, (whole, inner: string) => {
    const mark = markFrom(inner);
    if (mark === null && inner.trim() !== "") return whole;
    add(mark);
    return " ";
  });
  text = text.replace(CARET_MARK, (_whole, inner: string) => {
    add(markFrom(inner));
    return " ";
  });
  text = text.replace(BARE_CIRCLED, (mark) => {
    add(mark);
    return " ";
  });
  text = text.replace(SUPERSCRIPT_RUN, (run) => {
    const n = Number([...run].map((d) => SUPERSCRIPT_DIGITS.indexOf(d)).join(""));
    add(circledDigit(n));
    return " ";
  });
  return { text: text.replace(/[ \t]+/g, " ").trim(), marks };
}

/**
 * A cell as plain text for a terminal or a spreadsheet: markup-free, the footnote marks glued
 * after the text as circled digits ("96%以上 ^①" → "96%以上①", "&gt;5 <sup>③</sup>" → ">5③").
 */
export function plainCellText(s: string): string {
  const decoded = s.replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&");
  const { text, marks } = extractFootnoteMarks(decoded);
  return `${text}${marks.join("")}`;
}
