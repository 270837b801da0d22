/**
 * Text normalisation for plan cells and names: full-width forms to half-width, odd spaces to
 * plain spaces, comparison-sign variants to one spelling. Circled digits (footnote marks) are
 * kept, which is why this is not Unicode NFKC.
 */

const SYMBOL_VARIANTS: Readonly<Record<string, string>> = {
  "≧": "≥",
  "⩾": "≥",
  "≦": "≤",
  "⩽": "≤",
  "﹥": ">",
  "﹤": "<",
  "﹪": "%",
  "٪": "%",
  "﹢": "+",
  "﹣": "-",
  "﹦": "=",
  "﹐": ",",
  "﹑": "、",
  "﹙": "(",
  "﹚": ")",
};

/** Spaces that are not ASCII space: NBSP, en/em spaces, narrow NBSP, ideographic space… */
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Invisible characters that only get in the way (zero-width space/joiners, BOM). */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Full-width ASCII (U+FF01–U+FF5E: ０-９, Ａ-Ｚ, ％, ＞, （ …) to half-width, and symbol variants. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else out += SYMBOL_VARIANTS[ch] ?? ch;
  }
  return out;
}

export interface NormalizeOptions {
  /** Keep line breaks (other whitespace is still collapsed per line). Default false. */
  readonly keepLineBreaks?: boolean;
}

/**
 * Half-width forms, plain spaces, whitespace runs collapsed to one space (line breaks too unless
 * `keepLineBreaks`), trimmed. Characters are not simplified: see `toSimplified`.
 */
export function normalizeText(s: string, options: NormalizeOptions = {}): string {
  const half = toHalfWidth(s.replace(INVISIBLE, "")).replace(ODD_SPACE, " ");
  if (options.keepLineBreaks) {
    return half
      .split(/\r\n|\r|\n/)
      .map((line) => line.replace(/[ \t\f\v]+/g, " ").trim())
      .join("\n")
      .trim();
  }
  return half.replace(/\s+/g, " ").trim();
}

const ASCII_WORD = /[A-Za-z0-9.]/;

/**
 * Removes spaces except between two ASCII word characters ("DIP 付费" → "DIP付费",
 * "33.6 亿元" → "33.6亿元", "Group A" stays). Tables converted from documents scatter spaces
 * and line breaks through Chinese text; they carry no meaning there.
 */
export function compactSpaces(s: string): string {
  const chars = [...s];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!/\s/.test(ch)) {
      out += ch;
      continue;
    }
    const prev = out.at(-1);
    let j = i;
    while (j < chars.length && /\s/.test(chars[j]!)) j++;
    const next = chars[j];
    if (prev !== undefined && next !== undefined && ASCII_WORD.test(prev) && ASCII_WORD.test(next)) {
      // Two numbers side by side ("1 000") read as one number; words keep their space.
      if (!(/[0-9.]/.test(prev) && /[0-9.]/.test(next))) out += " ";
    }
    i = j - 1;
  }
  return out;
}
