import { inferDirection } from "@ybplan/domain/indicator";
import type { ImportWarning, IndicatorDraft } from "@ybplan/domain/plan";
import { type ParsedCell, parseTargetCell } from "@ybplan/domain/target";
import { splitNameAndUnit } from "@ybplan/domain/text";
import { indicatorKey, unitOfExpression } from "../table/build-indicators.ts";
import { clean } from "../text/clean.ts";
import { Warnings } from "../warnings.ts";

export interface ProseOptions {
  /** Source line number of the text's first line (default 1). */
  readonly firstLine?: number;
  /** Category for indicators before any category heading (default ""). */
  readonly category?: string;
}

export interface ProseIndicators {
  readonly indicators: IndicatorDraft[];
  readonly warnings: ImportWarning[];
}

const VALUE = String.raw`[≥≤><]?\s*\d+(?:\.\d+)?\s*(?:%|‰|亿元|万元|元|万人次|人次|万人|个百分点|个月|个|类|项|家|种|天|倍)?`;
const QUALIFIER = "(?:以上|以下|左右|以内|及以上|及以下)?";
const VERB =
  "(?:稳定在|保持在|维持在|稳定于|达到|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|降至|降低到|降低至|下降到|下降至|减少到|控制在|不低于|不少于|不高于|不超过|超过|高于|低于|大于|小于|达)";
const CHANGE = "(?:提高|提升|增加|增长|上升|降低|下降|减少|降)(?:到|至)";
/** An indicator name ends in what it measures. */
const METRIC =
  /(率|比例|比重|占比|人数|人次|数量|品种|种类|金额|收入|支出|结余|费用|次数|天数|时间|时限|个数|家数|覆盖面|满意度|水平)$/;
/** A measure named, then a figure: a clause that ought to be an indicator. */
const MEASURE_THEN_FIGURE = /(率|比例|比重|占比|人数|人次|品种|金额|收入|支出|结余)[^\d]*\d/;
const LEAD =
  /^(?:其中|全市|全省|全县|全区|全州|我市|我省|我县|我区|力争|确保|争取|届时|同时|并且|并|且|使|将|到(?:19|20)\d\d年(?:底|末)?|至(?:19|20)\d\d年(?:底|末)?|(?:19|20)\d\d年(?:底|末)?)+/;

const fromTo = new RegExp(`^(.+?)(?:由|从)\\s*(${VALUE})\\s*(${CHANGE}\\s*${VALUE}${QUALIFIER})$`);
const respectively = new RegExp(`^(.+?)分别(${VERB})(.+)$`);
const simple = new RegExp(
  `^(.+?)(${VERB}\\s*${VALUE}${QUALIFIER}|[≥≤><]\\s*\\d+(?:\\.\\d+)?\\s*%?|保持稳定|基本稳定)$`,
);
const valueOnly = new RegExp(`^${VALUE}${QUALIFIER}$`);

function cleanName(raw: string): string {
  return clean(raw)
    .replace(LEAD, "")
    .replace(/^[、，,：:\s]+/, "")
    .trim();
}

/** A short line with no figures and no sentence punctuation: a category heading ("参保覆盖"). */
function categoryHeading(line: string): string | null {
  const t = clean(line)
    .replace(/^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.]|\d{1,2}[.、])\s*/, "")
    .replace(/[：:]$/, "")
    .trim();
  if (t.length < 2 || t.length > 12 || /\d|[。，；,;]/.test(t)) return null;
  if (/[率例]$/.test(t)) return null;
  return t;
}

/**
 * Reads indicators written as running text, as in news releases and policy interpretations:
 * "基本医疗保险参保率稳定在95%以上；职工…稳定在86%左右", "…从63%提高到70%", "线上可办率和窗口可办率
 * 分别达到80%和100%", with category headings on their own lines ("参保覆盖"). Each clause that names
 * a measure (…率, …比例, …人数) and a figure becomes an indicator with `confidence: "prose"`; a clause
 * that names a measure and a figure but fits no pattern is reported as a warning.
 */
export function parseIndicatorProse(text: string, options: ProseOptions = {}): ProseIndicators {
  const warnings = new Warnings();
  const out: IndicatorDraft[] = [];
  const keys = new Set<string>();
  let category = options.category ?? "";
  const firstLine = options.firstLine ?? 1;

  const add = (line: number, rawName: string, targetText: string, baselineText: string | null): void => {
    const { name: bare, unit: nameUnit } = splitNameAndUnit(cleanName(rawName));
    const name = clean(bare);
    if (name.length < 3 || name.length > 40 || !METRIC.test(name)) {
      warnings.add("unclearProse", line, "无法从表述中确定指标名称", `${rawName}${targetText}`);
      return;
    }
    const target = parseTargetCell(targetText.trim());
    const baseline: ParsedCell =
      baselineText === null
        ? { text: "", expression: { kind: "notApplicable" }, footnoteMarks: [] }
        : parseTargetCell(baselineText.trim());
    let key = indicatorKey(category, name);
    for (let n = 2; keys.has(key); n++) key = `${indicatorKey(category, name)}#${n}`;
    keys.add(key);
    out.push({
      key,
      position: out.length + 1,
      category,
      name,
      unit: nameUnit ?? unitOfExpression(target.expression) ?? unitOfExpression(baseline.expression),
      baseline,
      target,
      attribute: "expected",
      direction: inferDirection(name, target.expression),
      definition: null,
      footnote: null,
      assessment: "endOfPeriod",
      confidence: "prose",
      line,
      source: { category, name: rawName.trim(), definition: null, attribute: "" },
    });
  };

  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((rawLine, idx) => {
    const line = firstLine + idx;
    const heading = categoryHeading(rawLine);
    if (heading !== null) {
      category = heading;
      return;
    }
    let body = rawLine.replace(/\*\*/g, "");
    // "参保覆盖：基本医疗保险参保率…" — a category before a colon
    const lead = /^\s*([^\d：:，。；]{2,8})[：:](.+)$/.exec(body);
    if (lead && !METRIC.test(lead[1] ?? "")) {
      category = clean(lead[1] ?? "");
      body = lead[2] ?? "";
    }
    for (const clauseRaw of body.split(/[。；;，,\n]/)) {
      const clause = clean(clauseRaw).replace(/[“”]/g, "").trim();
      if (clause === "") continue;
      const ft = fromTo.exec(clause);
      if (ft) {
        add(line, ft[1] ?? "", `从${ft[2]}${ft[3]}`, ft[2] ?? null);
        continue;
      }
      const resp = respectively.exec(clause);
      if (resp) {
        const names = (resp[1] ?? "").split(/和|、|及|与/).filter((s) => s.trim() !== "");
        const values = (resp[3] ?? "").split(/和|、|及|与/).filter((s) => s.trim() !== "");
        if (
          names.length >= 2 &&
          names.length === values.length &&
          values.every((v) => valueOnly.test(v.trim()))
        ) {
          // "医疗保障政务服务事项线上可办率和窗口可办率": later names share the first one's subject
          const first = cleanName(names[0] ?? "");
          names.forEach((n, k) => {
            const name = cleanName(n);
            const shared = k > 0 && name.length < first.length && name.at(-1) === first.at(-1);
            add(
              line,
              shared ? first.slice(0, first.length - name.length) + name : n,
              `${resp[2]}${values[k]}`,
              null,
            );
          });
          continue;
        }
      }
      const m = simple.exec(clause);
      if (m && METRIC.test(cleanName(m[1] ?? "").replace(/\([^)]*\)$/, ""))) {
        add(line, m[1] ?? "", m[2] ?? "", null);
        continue;
      }
      if (MEASURE_THEN_FIGURE.test(clause)) {
        warnings.add("unclearProse", line, "这句话像是指标表述，但无法识别其目标值", clause);
      }
    }
  });
  return { indicators: out, warnings: warnings.sorted() };
}
