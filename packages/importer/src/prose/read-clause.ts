/**
 * One clause of prose → the indicator statements it makes, or null. A clause is cleaned text
 * without spaces, cut at ，；。 ("全市基本医疗保险参保率保持在96%以上"). Forms, tried in order:
 *
 *   name 由|从 [2020年的] Q [提高|…] 到|至 [2025年的] Q [以上…]   → baseline + target
 *   name₁和|、name₂ 分别 [verb] Q₁和|、Q₂ [以上|左右…]          → one statement per name
 *   name [adverbs] verb Q [以上|左右…]                           → name + target
 *   name [adverbs] 在 Q 以上|以下|左右|以内                        → name + target
 *   name [adverbs] 为 Q                                           → name + target, if the sentence looks ahead
 *   name [adverbs] 保持稳定                                       → name, kept at its baseline
 *   name Q₀ Q [以上…]   (figures apart, a list row)                → baseline + target
 *   name [：] [≥…] Q [以上|左右…]                                → the same without a verb
 *
 * The caller judges whether a name is an indicator's ({@link acceptName}).
 */
import { ADVERB, CHANGE, METRIC, QUALIFIER, SIGN, VALUE, VERB, YEAR_OF } from "./lexicon.ts";

export interface Statement {
  /** The name as written in the clause, before leading words are dropped. */
  readonly name: string;
  /** Target text for the domain's parser: "保持在96%以上", "由2020年的30%提升至70%". */
  readonly target: string;
  /** The starting figure of a change ("30%"), or null. */
  readonly baseline: string | null;
  /** A verb or sign came before the figure ("达到80%"), as opposed to "参保率 96%以上". */
  readonly verb: boolean;
  /** Words between name and verb: "每年" (each year), "年均" (on average over the period)… */
  readonly adverbs: string;
  /** A qualifier (以上, 左右…) follows the figure: a target's form even without a verb. */
  readonly qualified: boolean;
  /** "…参保率为97%": states a figure; a target only in a sentence that looks ahead (到2025年…). */
  readonly copula: boolean;
}

/** "由原来的29种增加至58种": words before the starting figure that add nothing to it. */
const ORIGIN = "(?:原来的|原有的|目前的|现在的|现行的)?";
const FROM_TO = new RegExp(
  `^([^ ]+?)(${ADVERB})(由|从)(${YEAR_OF}?)${ORIGIN}(${VALUE})(${ADVERB})(${CHANGE})(${YEAR_OF}?)(${VALUE}${QUALIFIER}?)$`,
);
const RESPECTIVELY = new RegExp(
  `^([^ ]+?)(${ADVERB})分别(${ADVERB})(${VERB}|为)?[:：]?(${VALUE}${QUALIFIER}?(?:(?:和|、|及|与|,)${VALUE}${QUALIFIER}?)+)$`,
);
/** "提高至每人每年640元": who the amount is for; the figure alone is the target. */
const PER = "(?:每人每年|每人每月|每人次|每人|人均)?";
/** "稳定在每人每年不低于610元": a comparison after the verb (the domain reads "稳定在不低于610元"). */
const THEN_COMPARED = "(?:不低于|不少于|不高于|不超过|高于|低于|超过)?";
const WITH_VERB = new RegExp(
  `^([^ ]+?)(${ADVERB})[:：]?(${VERB})${PER}(${THEN_COMPARED}${VALUE}${QUALIFIER}?)$`,
);
const COPULA = new RegExp(`^([^ ]+?)(${ADVERB})(?:为|是)${PER}(${VALUE}${QUALIFIER}?)$`);
/** "参保率在95%以上": a level with its qualifier, no verb. */
const AT = new RegExp(`^([^ ]+?)(${ADVERB})在(${VALUE}${QUALIFIER})$`);
const STEADY = new RegExp(
  `^([^ ]+?)(${ADVERB})(继续保持稳定|保持基本稳定|基本保持稳定|总体保持稳定|保持总体稳定|保持稳定|维持稳定)$`,
);
const BARE = new RegExp(`^([^ ]+?)[:：—–]*(${SIGN}?)(${VALUE}${QUALIFIER}?)$`);
const TWO_FIGURES = new RegExp(
  `^([^ ]+?)[:：—–]*(${SIGN}?${VALUE}${QUALIFIER}?) (${SIGN}?${VALUE}${QUALIFIER}?)$`,
);
const VALUE_PART = new RegExp(`^(${VALUE})(${QUALIFIER}?)$`);
const QUALIFIER_TAIL = new RegExp(`${QUALIFIER}$`);

/** Subjects a shortened first name may stand for ("职工和城乡居民医保…比例" → 职工医保…比例). */
/** Words a measure shared by several subjects starts with ("…价格监测覆盖率", "…政策范围内…"). */
const SHARED_HEAD = /价格|费用|政策范围内|参保|报销|支付|结算|集中|带量|采购|覆盖|使用|监测/;
export const SUBJECT =
  /^(?:城乡居民|城镇职工|城镇居民|农村居民|在职职工|退休人员|职工|居民|药品|高值医用耗材|医用耗材|住院|门诊)/;

/**
 * Names of "A和B分别…": later names that are shortened share the first one's subject
 * ("线上可办率和窗口可办率"); an earlier name cut before the shared measure takes the last
 * one's ("职工和城乡居民医保…报销比例"). Null when the names cannot be completed.
 */
function completeNames(names: readonly string[]): string[] | null {
  const first = names[0] ?? "";
  const last = names.at(-1) ?? "";
  const out: string[] = [];
  for (const [k, name] of names.entries()) {
    if (!METRIC.test(name)) {
      const completed = completeFromLast(name, last);
      if (completed === null) return null;
      out.push(completed);
    } else if (k > 0 && name.length < first.length && METRIC.test(first) && !SUBJECT.test(name)) {
      out.push(shareSubject(name, first));
    } else {
      out.push(name);
    }
  }
  return out;
}

function completeFromLast(name: string, last: string): string | null {
  // "一级、二级、三级医疗机构…覆盖率": the last name starts with a word parallel to this one
  if (name.length <= 4 && last.length > name.length + 2 && last[name.length - 1] === name.at(-1)) {
    return name + last.slice(name.length);
  }
  for (let len = Math.min(name.length, 6); len >= 2; len--) {
    const at = last.indexOf(name.slice(-len));
    if (at >= 0) return name + last.slice(at + len);
  }
  const subject = SUBJECT.exec(last);
  if (subject && subject[0].length < last.length) return name + last.slice(subject[0].length);
  // "药品、医用耗材和医疗服务项目价格监测覆盖率": the shared part starts at a word of measurement
  const head = SHARED_HEAD.exec(last.slice(2));
  return head ? name + last.slice(head.index + 2) : null;
}

export function shareSubject(name: string, first: string): string {
  // "基本医疗保险参保率和参保人数": the later name starts with words of the first one
  for (let len = Math.min(name.length - 1, 4); len >= 2; len--) {
    const at = first.indexOf(name.slice(0, len));
    if (at > 0) return first.slice(0, at) + name;
  }
  // "线上可办率和窗口可办率": both end alike, the later one drops the subject
  if (name.at(-1) === first.at(-1)) return first.slice(0, first.length - name.length) + name;
  return name;
}

function splitNames(text: string, count: number): string[] | null {
  for (const sep of [/和|、|及|与/, /和|及|与/, /、/]) {
    const parts = text.split(sep).filter((s) => s !== "");
    if (parts.length === count) return parts;
  }
  return null;
}

function respectively(m: RegExpExecArray): Statement[] | null {
  const verb = m[4] === "为" ? "" : (m[4] ?? "");
  const values = (m[5] ?? "").split(/和|、|及|与|,/);
  const names = splitNames(m[1] ?? "", values.length);
  if (names === null) return null;
  const completed = completeNames(names);
  if (completed === null) return null;
  // "分别稳定在80%和70%左右": a qualifier written once after the last figure holds for all
  const lastQualifier = QUALIFIER_TAIL.exec(values.at(-1) ?? "")?.[0] ?? "";
  const shared = values.slice(0, -1).every((v) => !QUALIFIER_TAIL.test(v));
  return completed.map((name, k) => {
    const value = values[k] ?? "";
    const parts = VALUE_PART.exec(value);
    const qualifier = parts?.[2] || (shared ? lastQualifier : "");
    return {
      name,
      target: `${verb}${parts?.[1] ?? value}${qualifier}`,
      baseline: null,
      verb: true,
      adverbs: `${m[2]}${m[3]}`,
      qualified: true,
      copula: m[4] === "为",
    };
  });
}

/** The statements a clause makes, or null when it fits none of the forms. */
export function readClause(clause: string): Statement[] | null {
  const ft = FROM_TO.exec(clause);
  if (ft) {
    return [
      {
        name: ft[1] ?? "",
        target: `${ft[3]}${ft[4]}${ft[5]}${ft[7]}${ft[8]}${ft[9]}`,
        baseline: ft[5] ?? null,
        verb: true,
        adverbs: `${ft[2]}${ft[6]}`,
        qualified: true,
        copula: false,
      },
    ];
  }
  const resp = RESPECTIVELY.exec(clause);
  if (resp) return respectively(resp);
  const wv = WITH_VERB.exec(clause);
  if (wv) {
    return [
      {
        name: wv[1] ?? "",
        target: `${wv[3]}${wv[4]}`,
        baseline: null,
        verb: true,
        adverbs: wv[2] ?? "",
        qualified: true,
        copula: false,
      },
    ];
  }
  const at = AT.exec(clause);
  if (at) {
    return [
      {
        name: at[1] ?? "",
        target: at[3] ?? "",
        baseline: null,
        verb: true,
        adverbs: at[2] ?? "",
        qualified: true,
        copula: false,
      },
    ];
  }
  const copula = COPULA.exec(clause);
  if (copula) {
    return [
      {
        name: copula[1] ?? "",
        target: copula[3] ?? "",
        baseline: null,
        verb: true,
        adverbs: copula[2] ?? "",
        qualified: true,
        copula: true,
      },
    ];
  }
  const steady = STEADY.exec(clause);
  if (steady) {
    return [
      {
        name: steady[1] ?? "",
        target: steady[3] ?? "",
        baseline: null,
        verb: true,
        adverbs: steady[2] ?? "",
        qualified: true,
        copula: false,
      },
    ];
  }
  // a list row "name baseline target": "基本医疗保险参保率 95% 96%以上"
  const two = TWO_FIGURES.exec(clause);
  if (two) {
    return [
      {
        name: two[1] ?? "",
        target: two[3] ?? "",
        baseline: two[2] ?? null,
        verb: false,
        adverbs: "",
        qualified: true,
        copula: false,
      },
    ];
  }
  const bare = BARE.exec(clause);
  if (bare) {
    return [
      {
        name: bare[1] ?? "",
        target: `${bare[2]}${bare[3]}`,
        baseline: null,
        verb: (bare[2] ?? "") !== "",
        adverbs: "",
        qualified: QUALIFIER_TAIL.test(bare[3] ?? ""),
        copula: false,
      },
    ];
  }
  return null;
}
