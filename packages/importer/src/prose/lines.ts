/**
 * The text of prose lines: list numbering, category headings, clauses cleaned for reading.
 */
import { clean } from "../text/clean.ts";
import { METRIC } from "./lexicon.ts";

/** Numbering before a list item: "1.", "（1）", "①", "一是", "-". */
export const NUMBERING =
  /^(?:[（(](?:\d{1,2}|[一二三四五六七八九十]+)[）)]|\d{1,2}[.、．)）](?!\d)|[①-⑳]|[一二三四五六七八九十]+[、是]|[-•·●◆▪■▲△◇○□√*])\s*/;
/** Numbers of sections ("（一）", "一、"), as opposed to list items ("1.", "（1）", "①"). */
export const SECTION_NUMBER = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/;
const QUOTES = /[“”‘’"《》「」]/g;
/** Clauses end at ，；, but not at a thousands separator ("1,200家"). */
export const CLAUSE_BREAK = /[；;，,](?!\d{3}(?!\d))/;

const FIGURE_GAP = /(?<=[\d%‰个家种项类人次元天日上下右内])\s+(?=[≥≤><]?\d)/g;

/** Cleaned text of a clause, without numbering, quotes, footnote marks or spaces. */
export function cleanClause(raw: string): string {
  return (
    clean(raw)
      .replace(/^#+\s*/, "")
      .replace(QUOTES, "")
      .replace(/[①-⑳]|\^\d|<\/?sup>/g, "")
      // "参保率 95% 96%以上": two figures stay apart (a baseline and a target), other spaces go
      .replace(FIGURE_GAP, "\uE000")
      .replace(/\s+/g, "")
      .replace(/\uE000/g, " ")
      .replace(NUMBERING, "")
      .replace(/(?<=\d),(?=\d{3}(?!\d))/g, "")
  );
}

/** A short line with no figures and no sentence punctuation: a category heading ("（一）医疗保障"). */
export function categoryHeading(line: string): string | null {
  const t = clean(line)
    .replace(/\*\*/g, "")
    .replace(/^#+\s*/, "")
    .replace(NUMBERING, "")
    .replace(/[：:]$/, "")
    .replace(/[(（]共?\d+项[)）]$/, "") // "医疗保障类指标（5项）"
    .trim();
  if (t.length < 2 || t.length > 12 || /\d|[。，；,;、]/.test(t)) return null;
  // "（二）医疗保障水平": a section number makes it a heading even when it ends like a measure
  if (METRIC.test(t) && !SECTION_NUMBER.test(clean(line).replace(/^[#*\s]+/, ""))) return null;
  return t;
}
