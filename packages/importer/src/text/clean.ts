import { normalizeText, toSimplified } from "@ybplan/domain/text";

const CJK = "\\u4e00-\\u9fff";

/**
 * Text as the product stores it: half-width digits and brackets, simplified characters, single
 * spaces, and no spaces between Chinese characters or between Chinese and numbers (Word exports
 * insert them: "2020 年", "达 500 个以上"). Line breaks are kept when asked (task texts).
 */
export function clean(s: string, options: { keepLineBreaks?: boolean } = {}): string {
  return toSimplified(normalizeText(s, { keepLineBreaks: options.keepLineBreaks ?? false }))
    .replace(SPACE_BETWEEN_CJK, "")
    .replace(SPACE_AT_NUMBER, "");
}

const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}“”、，。；：%()]) (?=[${CJK}“”、，。；：()])`, "g");
const SPACE_AT_NUMBER = new RegExp(`(?<=[${CJK}，、]) (?=[\\d])|(?<=[\\d%]) (?=[${CJK}，、。])`, "g");

/** A comparison key: `clean` without any spaces or quotes. */
export function keyText(s: string): string {
  return clean(s).replace(/[\s“”"'‘’《》]/g, "");
}

/**
 * Gentler cleaning for running text (task texts, item texts, footnotes, definitions): simplified
 * characters, half-width digits and Latin letters, plain spaces — but Chinese punctuation (，（）：；)
 * stays as written, and no spaces are dropped except between Chinese characters and numbers.
 */
export function cleanProse(s: string, options: { keepLineBreaks?: boolean } = {}): string {
  const out = toSimplified(s)
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/％/g, "%")
    .replace(ODD_SPACE, " ")
    .replace(INVISIBLE, "");
  const lines = out.split(/\r\n|\r|\n/).map((l) =>
    l
      .replace(/[ \t\f\v]+/g, " ")
      .replace(SPACE_AT_NUMBER, "")
      .trim(),
  );
  return (options.keepLineBreaks ? lines.join("\n") : lines.join(" ")).trim();
}

const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
