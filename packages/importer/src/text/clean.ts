import { normalizeText, toSimplified } from "@ybplan/domain/text";

const CJK = "\\u4e00-\\u9fff";

/**
 * Text as the product stores it: half-width digits and brackets, simplified characters, single
 * spaces, and no spaces between Chinese characters or between Chinese and numbers (Word exports
 * insert them: "2020 年", "达 500 个以上"). Line breaks are kept when asked (task texts).
 */
export function clean(s: string, options: { keepLineBreaks?: boolean } = {}): string {
  return toSimplified(normalizeText(s, { keepLineBreaks: options.keepLineBreaks ?? false }))
    .replace(new RegExp(`(?<=[${CJK}“”、，。；：%()]) (?=[${CJK}“”、，。；：()])`, "g"), "")
    .replace(new RegExp(`(?<=[${CJK}，、]) (?=[\\d])|(?<=[\\d%]) (?=[${CJK}，、。])`, "g"), "");
}

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
  let out = "";
  for (const ch of toSimplified(s)) {
    const code = ch.codePointAt(0) ?? 0;
    const fullWidthAlnum =
      (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
    if (fullWidthAlnum) out += String.fromCodePoint(code - 0xfee0);
    else if (ch === "％") out += "%";
    else if (/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/.test(ch)) out += " ";
    else if (/[\u200b-\u200d\u2060\ufeff]/.test(ch)) out += "";
    else out += ch;
  }
  const lines = out.split(/\r\n|\r|\n/).map((l) =>
    l
      .replace(/[ \t\f\v]+/g, " ")
      .replace(new RegExp(`(?<=[${CJK}，、]) (?=[\\d])|(?<=[\\d%]) (?=[${CJK}，、。])`, "g"), "")
      .trim(),
  );
  return (options.keepLineBreaks ? lines.join("\n") : lines.join(" ")).trim();
}
