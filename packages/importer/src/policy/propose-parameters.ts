import {
  type InstitutionLevel,
  type ParameterKind,
  type Population,
  type Scheme,
  type Service,
  unitOfKind,
} from "@ybplan/domain/policy";
import {
  allMatches,
  firstMatch,
  kindWords,
  levelsIn,
  placeWords,
  populationWords,
  schemeWords,
  serviceWords,
} from "./lexicon.ts";

/**
 * Reads the parameter sentences of a plan (黄石's 发展基础 table of 起付线 and 报销比例, 青阳's
 * 大病保险, 鹤山's caps and subsidy) into PROPOSED parameters for a person to confirm. Nothing here
 * is stored: a proposal becomes a parameter only through a confirmed policy document.
 *
 * Conservative on purpose: a 报销比例 of 职工/居民 without an institution level is the effective ratio
 * the indicator table measures ("实际报销比例", "分别稳定在80%和70%左右"), a number after "比…" or
 * "提高/下降N" is a change, not a value — those clauses are reported as skipped, never proposed.
 */

export interface ProposedParameter {
  /** 1-based line of the sentence in the text. */
  readonly line: number;
  /** The clause the value was read from. */
  readonly text: string;
  readonly kind: ParameterKind;
  /** Null: the text does not say which scheme (黄石's 起付线); the person must choose. */
  readonly scheme: Scheme | null;
  readonly service: Service;
  readonly level: InstitutionLevel;
  readonly population: Population;
  /** % for ratios, 元 for amounts (万元 converted). */
  readonly value: number;
  /** "65%左右". */
  readonly approximate: boolean;
  /** "不低于70%" → atLeast: the text states a bound, not the exact value. */
  readonly qualifier: "atLeast" | "atMost" | null;
  /** The year the sentence speaks of (a snapshot), else the caller's default. */
  readonly asOfYear: number | null;
}

export type ProposalWarningCode = "schemeNotStated" | "effectiveRatio" | "relativeChange" | "ambiguous";

export interface ProposalWarning {
  readonly code: ProposalWarningCode;
  readonly line: number;
  readonly message: string;
  readonly text: string;
}

export interface PolicyProposals {
  readonly proposals: readonly ProposedParameter[];
  readonly warnings: readonly ProposalWarning[];
}

export interface ProposeOptions {
  /** Year for sentences that name none (a plan's 发展基础 speaks of its baseline year). */
  readonly defaultYear?: number | null;
}

const NUMBER = /(\d+(?:\.\d+)?)\s*(万元|元|%)(左右)?/g;
const RELATIVE = /(?:^比|提高\s*\d|下降\s*\d|降低\s*\d|增加\s*\d|减少\s*\d)/;
/** A year the text speaks of; "比2016年" is a comparison, not the year of the value. */
const YEAR = /(?<!比)(20\d{2})\s*年/;
/** "达 91.59%" (not 达到): an achieved result, i.e. an effective ratio. */
const ACHIEVED = /(?:^|[^到])达\s*\d/;

interface Value {
  readonly value: number;
  readonly unit: "percent" | "yuan";
  readonly approximate: boolean;
}

function valuesIn(clause: string): Value[] {
  return [...clause.matchAll(NUMBER)].map((m) => ({
    value: m[2] === "万元" ? Math.round(Number(m[1]) * 10_000 * 100) / 100 : Number(m[1]),
    unit: m[2] === "%" ? ("percent" as const) : ("yuan" as const),
    approximate: m[3] !== undefined,
  }));
}

/** The schemes a clause names; a specific scheme hides the base one its name contains (城乡居民大病保险). */
function schemesIn(clause: string): Scheme[] {
  let s = allMatches(schemeWords, clause);
  if (s.includes("criticalIllness")) s = s.filter((x) => x !== "resident" && x !== "employee");
  if (s.includes("employeeSupplementary")) s = s.filter((x) => x !== "employee");
  if (s.includes("assistance")) s = s.filter((x) => x !== "resident" && x !== "employee");
  return s;
}

const qualifierOf = (clause: string): ProposedParameter["qualifier"] =>
  /不低于|以上|至少/.test(clause) ? "atLeast" : /不高于|以下|以内|不超过/.test(clause) ? "atMost" : null;

export function proposePolicyParameters(text: string, options: ProposeOptions = {}): PolicyProposals {
  const proposals: ProposedParameter[] = [];
  const warnings: ProposalWarning[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const paragraphYear = YEAR.exec(raw)?.[1];
    for (const sentence of raw.split("。")) {
      if (!/\d/.test(sentence)) continue;
      const sentenceYear = YEAR.exec(sentence)?.[1];
      // Context carried from clause to clause within the sentence; the service ("住院待遇方面")
      // also across its "；" parts, levels and population only within one part.
      let kind: ParameterKind | null = null;
      let scheme: Scheme | null = null;
      let service: Service = "any";
      let levels: InstitutionLevel[] = [];
      let population: Population = "all";
      const clauses = sentence.split(/[；;]/).flatMap((part) => {
        const year = Number(YEAR.exec(part)?.[1] ?? sentenceYear ?? paragraphYear ?? Number.NaN);
        const effective = /实际/.test(part);
        return part.split(/[，,：:]/).map((c, i) => ({ c: c.trim(), effective, year, partStart: i === 0 }));
      });
      for (const { c, effective, year, partStart } of clauses) {
        if (partStart) {
          levels = [];
          population = "all";
        }
        const asOfYear = Number.isFinite(year) ? year : (options.defaultYear ?? null);
        const schemes = schemesIn(c);
        if (schemes.length === 1) scheme = schemes[0]!;
        kind = firstMatch(kindWords, c) ?? kind;
        service = firstMatch(serviceWords, c) ?? service;
        population = firstMatch(populationWords, c) ?? population;
        const ls = levelsIn(c);
        const place = firstMatch(placeWords, c);
        if (ls.length > 0) levels = ls;
        else if (place) levels = [place];
        const values = valuesIn(c);
        if (kind === null || values.length === 0) continue;
        const warn = (code: ProposalWarningCode, message: string) =>
          warnings.push({ code, line, message, text: c });
        if (RELATIVE.test(c)) {
          warn("relativeChange", "相对调整幅度（比…提高/下降），不是参数值，未采用");
          continue;
        }
        const unit = unitOfKind[kind];
        const usable = values.filter((v) => v.unit === unit);
        if (usable.length === 0) continue;
        if (schemes.length > 1) {
          warn("ambiguous", "一句中涉及多个险种，无法确定各数值所属险种，未采用");
          continue;
        }
        const isRatio = kind === "reimbursementRatio";
        if (
          isRatio &&
          (effective || ACHIEVED.test(c) || (levels.length === 0 && scheme !== "criticalIllness"))
        ) {
          warn(
            "effectiveRatio",
            "未区分医疗机构级别的报销比例视为实际（有效）报销比例，属指标而非政策参数，未采用",
          );
          continue;
        }
        let perValue: InstitutionLevel[];
        if (usable.length === 1) perValue = [levels.length === 1 ? levels[0]! : "any"];
        else if (usable.length === levels.length) perValue = levels;
        else {
          warn(
            "ambiguous",
            `数值个数（${usable.length}）与医疗机构级别个数（${levels.length}）不一致，未采用`,
          );
          continue;
        }
        if (scheme === null) warn("schemeNotStated", "原文未写明险种，请确认后保存");
        const qualifier = qualifierOf(c);
        usable.forEach((v, i) => {
          proposals.push({
            line,
            text: c,
            kind: kind!,
            scheme,
            service,
            level: perValue[i]!,
            population,
            value: v.value,
            approximate: v.approximate,
            qualifier,
            asOfYear,
          });
        });
      }
    }
  });
  return { proposals, warnings };
}
