/**
 * Indicator names in prose: whether a clause's name is one, and what a short later name leaves
 * unsaid ("…参保人数达到924万人，参保率…").
 */
import { ACTION, COUNT_UNIT, LEAD, METRIC, VERB_IN_NAME } from "./lexicon.ts";
import { SUBJECT, shareSubject } from "./read-clause.ts";

/** The insurance scheme or fund an indicator's name is about. */
const SCHEME =
  /基本医疗保险|基本医保|城乡居民医保|居民医保|职工医保|医疗保险|大病保险|医疗救助|长期护理保险|生育保险|医保基金|医保/;
const SCHEMES = new RegExp(SCHEME.source, "g");
/** A measure of a scheme, named without the scheme ("参保率", "报销比例"). */
const BARE_MEASURE = /^(?:参保|报销|支付|起付|封顶|最高支付|缴费|筹资|结算|激活|使用|覆盖)/;

/** The part of a name up to its last scheme ("城乡居民大病保险起付线" → "城乡居民大病保险"), or null. */
export function subjectOf(name: string): string | null {
  let end = -1;
  for (const m of name.matchAll(SCHEMES)) end = m.index + m[0].length;
  return end > 0 && end < name.length ? name.slice(0, end) : null;
}

/** The name without leading words, or null when it is no indicator's name. */
export function acceptName(raw: string, unit: string | null, verb: boolean): string | null {
  const name = raw
    .replace(LEAD, "")
    .replace(/^[、，,：:]+/, "")
    .replace(/(?:的?目标值?|预期目标)$/, "");
  if (name.length < 2 || name.length > 60 || /^\d|[，。；：,;:]/.test(name)) return null;
  if (/^(?:对|较|比|同比|占|为)/.test(name) || VERB_IN_NAME.test(name)) return null;
  if (METRIC.test(name.replace(/\([^)]*\)$/, ""))) return name;
  // "定点医药机构达到1200家": a counted thing, if a verb sets it and no action is in the name
  if (verb && unit !== null && COUNT_UNIT.test(unit) && name.length <= 25 && !ACTION.test(name)) {
    return /[\u4e00-\u9fff)]$/.test(name) && !/[的了和与及]$/.test(name) ? name : null;
  }
  return null;
}

/**
 * A short name completed from the sentence's previous indicator: "…参保人数达到924万人，参保率…"
 * takes its scheme (基本医疗保险参保率); "…事项线上可办率达到80%，窗口可办率…" its subject.
 */
export function completeName(name: string, subject: string | null, previous: string | null): string {
  if (name.length > 6 || SCHEME.test(name)) return name;
  if (subject !== null && BARE_MEASURE.test(name)) return `${subject}${name}`;
  if (
    previous !== null &&
    previous.length > name.length &&
    previous.slice(-3) === name.slice(-3) &&
    !SUBJECT.test(name)
  ) {
    return shareSubject(name, previous);
  }
  return name;
}
