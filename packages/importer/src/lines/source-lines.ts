/**
 * The document as numbered lines, cleaned of conversion debris that carries no meaning:
 * Word bookmarks ("[bookmark: _Toc9512]"), Markdown heading hashes and bold stars, list bullets,
 * and `<p>` wrappers (several `<p>` paragraphs on one source line become several lines with the
 * same line number). Tabs are kept: they separate table cells.
 */
export interface SourceLine {
  /** 1-based line number in the decoded text. */
  readonly no: number;
  /** Cleaned text, trimmed of spaces but keeping interior tabs. Empty for blank lines. */
  readonly text: string;
  /** The line began with a tab (one-cell-per-line tables indent their cells). */
  readonly tabbed: boolean;
  /** A list bullet was removed from the start ("- ", "• ", Word's Wingdings "l"). */
  readonly bullet: boolean;
  /** The line was whitespace only but not empty (an empty table cell in some exports). */
  readonly whitespaceOnly: boolean;
  /** Markup heading level: "## …" in Markdown, `<h2>` in HTML/.docx; null for other lines. */
  readonly headingLevel: number | null;
  /**
   * The bold sentence the line opens with ("**合理设定参保护面目标。**根据…" → "合理设定参保护面目标。"),
   * as cleaned text; null when the line does not open with one. Plans write unnumbered tasks this way.
   */
  readonly leadIn: string | null;
}

const BOOKMARK = /\[bookmark:[^\]]*\]/g;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const BULLET = /^(?:[-*]\s+|[•●▪■◆◇○·]\s*|l(?=[\u4e00-\u9fff\u3400-\u4dbf]))/;

/** "**…。**rest" or "**…**" closing on a sentence stop: a bold lead sentence (not a bold phrase mid-line). */
const LEAD_IN = /^\*\*([^*]{2,80}?)\*\*/;
const SENTENCE_STOP = /[。！？：:]$/;

function leadInOf(t: string): string | null {
  const m = LEAD_IN.exec(t);
  if (!m) return null;
  const lead = (m[1] ?? "").trim();
  const rest = t.slice(m[0].length).trim();
  // a wholly bold short line is a heading-like caption, not a lead sentence, unless it ends one
  if (lead === "" || (rest === "" && !SENTENCE_STOP.test(lead))) return null;
  return lead;
}

interface Cleaned {
  text: string;
  bullet: boolean;
  headingLevel: number | null;
  leadIn: string | null;
}

function cleanSegment(segment: string): Cleaned {
  let t = segment
    .replace(BOOKMARK, "")
    .replace(/\u00a0/g, " ")
    .replace(/[\u200b\ufeff]/g, "");
  if (t.trim() === "") return { text: "", bullet: false, headingLevel: null, leadIn: null };
  // leading spaces are layout; a leading tab is an (empty) first table cell, so it stays
  t = t.replace(/^[^\S\t]+/, "").replace(/[^\S\t]+$/, "");
  const hashes = MARKDOWN_HEADING.exec(t);
  const headingLevel = hashes ? hashes[0].trim().length : null;
  t = t.replace(MARKDOWN_HEADING, "");
  const leadIn = leadInOf(t);
  t = t.replace(/\*\*/g, "");
  const b = BULLET.exec(t);
  if (b && t.length > b[0].length)
    return { text: t.slice(b[0].length).trimStart(), bullet: true, headingLevel, leadIn };
  return { text: t, bullet: false, headingLevel, leadIn };
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => cleanSegment(c.replace(/\\$/, "")).text.trim());
}

export function toSourceLines(text: string): SourceLine[] {
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  const out: SourceLine[] = [];
  raw.forEach((line, i) => {
    const no = i + 1;
    const tabbed = line.startsWith("\t");
    const whitespaceOnly = line.length > 0 && line.trim() === "";
    // a Markdown pipe table row becomes a tab-separated row; its "|---|" rule line a blank line
    if (PIPE_ROW.test(line)) {
      const text = PIPE_RULE.test(line) ? "" : pipeCells(line).join("\t");
      out.push({
        no,
        text,
        tabbed: false,
        bullet: false,
        whitespaceOnly: false,
        headingLevel: null,
        leadIn: null,
      });
      return;
    }
    // several "<p>…</p>" paragraphs on one line (HTML fragments inside a text file)
    const segments = /<\/?p\b[^>]*>/i.test(line)
      ? line.split(/<\/?p\b[^>]*>/i).filter((s) => s.trim() !== "")
      : [line];
    if (segments.length === 0) segments.push("");
    for (const segment of segments) {
      const { text: cleaned, bullet, headingLevel, leadIn } = cleanSegment(segment);
      out.push({ no, text: cleaned, tabbed, bullet, whitespaceOnly, headingLevel, leadIn });
    }
  });
  return out;
}

/** Text of a line with table tabs turned into spaces (for headings, prose). */
export function plain(line: SourceLine): string {
  return line.text.replace(/\t+/g, " ").trim();
}
