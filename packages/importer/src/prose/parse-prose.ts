import type { AssessmentRule, IndicatorAttribute } from "@ybplan/domain/indicator";
import { inferDirection } from "@ybplan/domain/indicator";
import type { ImportWarning, IndicatorDraft } from "@ybplan/domain/plan";
import { type ParsedCell, parseTargetCell } from "@ybplan/domain/target";
import { splitNameAndUnit } from "@ybplan/domain/text";
import { indicatorKey, unitOfExpression } from "../table/build-indicators.ts";
import { clean } from "../text/clean.ts";
import { Warnings } from "../warnings.ts";
import {
  ACTION,
  ATTRIBUTE_TAIL,
  FUTURE,
  LEAD,
  METRIC,
  OPENS_ON_PAST,
  PAST,
  PERMISSION,
  VALUE,
  VERB,
} from "./lexicon.ts";
import { CLAUSE_BREAK, categoryHeading, cleanClause, NUMBERING, SECTION_NUMBER } from "./lines.ts";
import { acceptName, completeName, subjectOf } from "./names.ts";
import { readClause, type Statement } from "./read-clause.ts";

/** A bare year, not the start of a change ("由2020年的…") nor a reference ("较2020年"). */
const BARE_YEAR = /(?<![到至由从较比于])((?:19|20)\d{2})年/;

export interface ProseOptions {
  /** Source line number of the text's first line (default 1). */
  readonly firstLine?: number;
  /** Category for indicators before any category heading (default ""). */
  readonly category?: string;
  /**
   * The plan's baseline year: a clause dated in it or before ("2020年全市参保率达到96%") states
   * where things stand, not a target. Without it only words mark the past (截至, 已, 十三五…).
   */
  readonly baselineYear?: number;
}

export interface ProseIndicators {
  readonly indicators: IndicatorDraft[];
  readonly warnings: ImportWarning[];
}

/** A measure named, then a figure: a clause that ought to be an indicator. */
const MEASURE = /率|比例|比重|占比|人数|人次|品种|金额|收入|支出|结余|数量|费用|限额|起付线|天数|标准/;
/** A verb setting a figure ("达到90%"): a target, whatever its name. */
const SET_FIGURE = new RegExp(`${VERB}${VALUE}`);
const FIGURE = /\d+(?:\.\d+)?(?:%|‰|个|家|种|项|类|万|亿|元|天|人|倍|个百分点)/;
type Draft = Omit<IndicatorDraft, "key" | "position">;

/** Reads the lines of a text one sentence and clause at a time; see {@link parseIndicatorProse}. */
class ProseReader {
  readonly warnings = new Warnings();
  readonly indicators: IndicatorDraft[] = [];
  private readonly keys = new Set<string>();
  category: string;
  /** The sentence's last indicator name ("…事项线上可办率"), for a later "窗口可办率". */
  private previous: string | null = null;
  /** The sentence looks ahead (到2025年, 力争…): "…为97%" there is a target, not a figure. */
  private ahead = false;
  /** The scheme the sentence's last indicator named ("基本医疗保险"), for a later "参保率". */
  private subject: string | null = null;

  constructor(
    category: string,
    private readonly baselineYear: number | undefined,
  ) {
    this.category = category;
  }

  /** One line: sentences (。), each cut into clauses (，；) that share what time they speak of. */
  readLine(line: number, body: string): void {
    const sentences = body.split(/[。！？!?]/);
    // a list line holding one clause: a name and a bare figure there are a target ("覆盖率 100%")
    const alone =
      sentences.flatMap((t) => t.split(CLAUSE_BREAK)).filter((c) => cleanClause(c) !== "").length === 1;
    for (const sentence of sentences) {
      this.subject = null;
      this.previous = null;
      const raws = sentence.split(CLAUSE_BREAK);
      const clauses = raws.map(cleanClause);
      const ahead = clauses.some((c) => FUTURE.test(c));
      // a sentence that speaks only of the past ("…支出81亿元，同比增长10%") states no target
      const wholly = clauses.some((c) => PAST.test(c)) && !ahead;
      this.ahead = ahead;
      // "A率100%；B比例不低于70%": items of an enumeration, each a clause of its own, are list items
      const items = new Set(
        sentence
          .split(/[；;]/)
          .filter((part, _, parts) => parts.length > 1 && part.split(CLAUSE_BREAK).length === 1)
          .map(cleanClause),
      );
      let past = false;
      clauses.forEach((clause, k) => {
        if (clause === "") return;
        past = wholly || this.isPast(clause, past);
        if (!past) this.readClause(line, raws[k] ?? clause, clause, alone || items.has(clause));
      });
    }
  }

  private isPast(clause: string, before: boolean): boolean {
    if (OPENS_ON_PAST.test(clause.replace(LEAD, ""))) return true;
    if (FUTURE.test(clause)) return false;
    if (PAST.test(clause)) return true;
    const year = BARE_YEAR.exec(clause)?.[1];
    if (year !== undefined && this.baselineYear !== undefined) return Number(year) <= this.baselineYear;
    return before;
  }

  private readClause(line: number, raw: string, clauseWithTail: string, alone: boolean): void {
    if (PERMISSION.test(clauseWithTail)) return;
    const attribute = ATTRIBUTE_TAIL.exec(clauseWithTail)?.[1];
    const clause = clauseWithTail.replace(ATTRIBUTE_TAIL, "");
    const kind: IndicatorAttribute = attribute === "约束性" ? "binding" : "expected";
    const read =
      this.statements(line, raw, clause, kind, alone) ??
      // "职工医保参保率达到80%、居民医保参保率达到70%": parts cut at 、, each read on its own
      (clause.includes("、") ? this.allParts(line, raw, clause.split("、"), kind) : null);
    if (read !== null) {
      for (const d of read) this.add(d);
      this.previous = read.at(-1)?.name ?? null;
      this.subject = subjectOf(this.previous ?? "");
      return;
    }
    if ((MEASURE.test(clause) && FIGURE.test(clause)) || (SET_FIGURE.test(clause) && !ACTION.test(clause))) {
      this.warnings.add("unclearProse", line, "这句话像是指标表述，但无法识别其目标值", raw);
    }
  }

  /** Drafts of every statement of a clause, or null unless all of them are indicators. */
  private statements(
    line: number,
    raw: string,
    clause: string,
    kind: IndicatorAttribute,
    alone = false,
  ): Draft[] | null {
    const statements = readClause(clause);
    if (statements === null) return null;
    // "医保基金支出81亿元" in running text is a figure, not a target
    if (statements.some((s) => !s.verb && !s.qualified) && !alone) return null;
    if (statements.some((s) => s.copula) && !this.ahead) return null;
    const read = statements.map((s) => this.draft(line, raw, s, kind)).filter((d) => d !== null);
    return read.length === statements.length ? read : null;
  }

  private allParts(
    line: number,
    raw: string,
    parts: readonly string[],
    kind: IndicatorAttribute,
  ): Draft[] | null {
    const out: Draft[] = [];
    for (const part of parts) {
      const read = this.statements(line, raw, part, kind);
      if (read === null) return null;
      out.push(...read);
    }
    return out;
  }

  private draft(line: number, raw: string, s: Statement, attribute: IndicatorAttribute): Draft | null {
    const target = parseTargetCell(s.target);
    if (target.expression.kind === "unrecognised") return null;
    const baseline: ParsedCell =
      s.baseline === null
        ? { text: "", expression: { kind: "notApplicable" }, footnoteMarks: [] }
        : parseTargetCell(s.baseline);
    const { name: bare, unit: nameUnit } = splitNameAndUnit(s.name);
    const unit = nameUnit ?? unitOfExpression(target.expression) ?? unitOfExpression(baseline.expression);
    const accepted = acceptName(bare, unit, s.verb);
    if (accepted === null) return null;
    // "…参保人数达到924万人，参保率稳定在97%以上": the second name leaves its scheme unsaid
    const name = this.completed(accepted);
    const assessment: AssessmentRule = s.adverbs.includes("每年")
      ? "eachYear"
      : `${s.adverbs}${name}`.includes("年均")
        ? "periodAverage"
        : s.adverbs.includes("累计")
          ? "cumulative"
          : "endOfPeriod";
    return {
      category: this.category,
      name,
      unit,
      baseline,
      target,
      attribute,
      direction: inferDirection(name, target.expression),
      definition: null,
      footnote: null,
      assessment,
      confidence: "prose",
      line,
      source: {
        category: this.category,
        name: raw.trim(),
        definition: null,
        attribute: ATTRIBUTE_TAIL.exec(clean(raw))?.[1] ?? "",
      },
    };
  }

  private completed(name: string): string {
    return completeName(name, this.subject, this.previous);
  }

  private add(d: Draft): void {
    const base = indicatorKey(d.category, d.name);
    let key = base;
    for (let n = 2; this.keys.has(key); n++) key = `${base}#${n}`;
    this.keys.add(key);
    this.indicators.push({ ...d, key, position: this.indicators.length + 1 });
  }
}

/**
 * Reads indicators written as running text or as one-per-line lists, as in plans without a
 * table, their official interpretations and news releases: "全市基本医疗保险参保率保持在96%以上",
 * "到2025年，医保电子凭证激活率不低于60%", "DRG/DIP付费住院费用占比由2020年的30%提升至70%",
 * "线上可办率和窗口可办率分别达到80%和100%", "基本医疗保险参保率 96%以上（约束性）" under a
 * heading "（一）医疗保障", a name on one line and its figure on the next; traditional characters
 * and full-width forms are read as simplified. Each clause that names a measure (…率, …比例,
 * …人数, or a counted thing with a verb: "定点医药机构达到1200家") and a target becomes an
 * indicator with `confidence: "prose"`. Statements of the past (截至, 已, 十三五, a year up to the
 * baseline year) are not targets; tasks ("开展专项检查不少于4次") are no indicators; a clause that
 * names a measure and a figure but cannot be read is a warning with its line.
 */
export function parseIndicatorProse(text: string, options: ProseOptions = {}): ProseIndicators {
  const reader = new ProseReader(options.category ?? "", options.baselineYear);
  const firstLine = options.firstLine ?? 1;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let pendingName: { line: number; text: string } | null = null;
  lines.forEach((rawLine, idx) => {
    const line = firstLine + idx;
    let body = rawLine.replace(/\*\*/g, "");
    if (body.trim() === "") return;
    // a name alone on its line, its figure on the next ("基本医疗保险参保率" / "96%以上")
    const named = pendingName;
    pendingName = null;
    const lone = cleanClause(body);
    if (named !== null && /^[≥≤><]?\d/.test(lone)) {
      reader.readLine(named.line, `${named.text} ${body}`);
      return;
    }
    if (
      /^[^\d，。；,;]{3,40}$/.test(lone) &&
      METRIC.test(lone.replace(/\([^)]*\)$/, "")) &&
      !SECTION_NUMBER.test(clean(body).trim())
    ) {
      pendingName = { line, text: body };
      return;
    }
    const heading = categoryHeading(body);
    if (heading !== null) {
      reader.category = heading;
      return;
    }
    // "参保覆盖：基本医疗保险参保率…" — a category before a colon
    const lead = /^\s*([^\d：:，。；]{2,8})[：:](.+)$/.exec(body);
    if (lead && !METRIC.test(clean(lead[1] ?? ""))) {
      reader.category = clean(lead[1] ?? "").replace(NUMBERING, "");
      body = lead[2] ?? "";
    }
    reader.readLine(line, body);
  });
  return { indicators: reader.indicators, warnings: reader.warnings.sorted() };
}
