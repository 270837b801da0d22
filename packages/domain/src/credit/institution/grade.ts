import { InvalidDeduction } from "../shared/errors.ts";
import { addYears } from "../shared/quarter.ts";
import { type Condition, describeBand, type RuleSet, type SupervisionMeasure } from "./rule-set.ts";
import type { CycleFlags, DeductionEvent, GradeResult, Institution } from "./schema.ts";

/**
 * The grading engine. It compiles a rule set once into arrays and small predicates, then grades
 * column-wise over typed arrays, so re-grading a whole country (≈1.1M institutions, 5M deductions)
 * is a couple of linear passes with no per-event allocation. `gradeInstitutions` is the object API
 * over the same core.
 */

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly itemIndex: ReadonlyMap<string, number>;
  /** Per item: default points (negative for bonus items so one add does both), and max. */
  readonly itemPoints: Float64Array;
  readonly itemMax: Float64Array;
  readonly itemIsBonus: Uint8Array;
  readonly flagBit: ReadonlyMap<string, number>;
  /** Band predicates best → worst; the last always matches. */
  readonly bandTests: readonly BandTest[];
  /** Override flag bits in rule order and the band index each forces. */
  readonly overrides: readonly { bit: number; band: number; score: number | undefined }[];
}

type BandTest = (score: number, deducted: number, bonus: number, years: number, flags: number) => boolean;

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const itemIndex = new Map(ruleSet.items.map((it, i) => [it.code, i]));
  const n = ruleSet.items.length;
  const itemPoints = new Float64Array(n);
  const itemMax = new Float64Array(n);
  const itemIsBonus = new Uint8Array(n);
  ruleSet.items.forEach((it, i) => {
    itemIsBonus[i] = it.kind === "bonus" ? 1 : 0;
    itemPoints[i] = it.points;
    itemMax[i] = it.maxPoints ?? it.points;
  });
  const flagBit = new Map(ruleSet.flags.map((f, i) => [f.code, 1 << i]));
  const bandTests = ruleSet.bands.map((b) => compileConditions(b.conditions, flagBit));
  const last = ruleSet.bands.length - 1;
  const overrides = ruleSet.overrides.map((o) => ({
    bit: flagBit.get(o.flag) ?? 0,
    band: o.grade === "lowest" ? last : ruleSet.bands.findIndex((b) => b.grade === o.grade),
    score: o.score,
  }));
  return { ruleSet, itemIndex, itemPoints, itemMax, itemIsBonus, flagBit, bandTests, overrides };
}

function compileConditions(conditions: readonly Condition[], flagBit: ReadonlyMap<string, number>): BandTest {
  const tests: BandTest[] = [];
  for (const c of conditions) tests.push(conditionTest(c, flagBit));
  if (tests.length === 0) return () => true;
  return (s, d, b, y, f) => {
    for (const t of tests) if (!t(s, d, b, y, f)) return false;
    return true;
  };
}

function conditionTest(c: Condition, flagBit: ReadonlyMap<string, number>): BandTest {
  if ("flag" in c) {
    const bit = flagBit.get(c.flag) ?? 0;
    return c.is ? (_s, _d, _b, _y, f) => (f & bit) !== 0 : (_s, _d, _b, _y, f) => (f & bit) === 0;
  }
  const pick = c.metric;
  const v = c.value;
  const read =
    pick === "score"
      ? (s: number) => s
      : pick === "deducted"
        ? (_s: number, d: number) => d
        : pick === "bonus"
          ? (_s: number, _d: number, b: number) => b
          : (_s: number, _d: number, _b: number, y: number) => y;
  switch (c.op) {
    case "gte":
      return (s, d, b, y) => read(s, d, b, y) >= v;
    case "gt":
      return (s, d, b, y) => read(s, d, b, y) > v;
    case "lte":
      return (s, d, b, y) => read(s, d, b, y) <= v;
    default:
      return (s, d, b, y) => read(s, d, b, y) < v;
  }
}

/** Column-wise input: one slot per institution. */
export interface InstitutionColumns {
  readonly count: number;
  /** Whole years designated at the end of the cycle. */
  readonly yearsDesignated: Float64Array | Float32Array | Uint8Array;
  /** Flag bitmask per `CompiledRuleSet.flagBit`; omit when no institution has flags. */
  readonly flags?: Uint32Array;
}

/** Column-wise deductions of one cycle, already validated (`item` < items, points within range). */
export interface DeductionColumns {
  readonly count: number;
  readonly institution: Int32Array;
  readonly item: Uint16Array | Uint8Array;
  /** Points per deduction; NaN = the item's default. Omit when all use defaults. */
  readonly points?: Float32Array | Float64Array;
}

export interface GradeColumns {
  readonly score: Float64Array;
  readonly deducted: Float64Array;
  readonly bonus: Float64Array;
  /** Index into `ruleSet.bands`. */
  readonly band: Uint8Array;
  /** 0 = graded by bands; k > 0 = forced by override k − 1. */
  readonly override: Uint8Array;
}

/** Grades every institution of one cycle: sum deductions, clamp the score, pick the band. */
export function gradeColumns(
  c: CompiledRuleSet,
  inst: InstitutionColumns,
  ded: DeductionColumns,
): GradeColumns {
  const n = inst.count;
  const deducted = new Float64Array(n);
  const bonus = new Float64Array(n);
  const { itemPoints, itemIsBonus } = c;
  const pts = ded.points;
  for (let i = 0; i < ded.count; i++) {
    const it = ded.item[i]!;
    let p = pts ? pts[i]! : Number.NaN;
    if (Number.isNaN(p)) p = itemPoints[it]!;
    if (itemIsBonus[it] === 1) bonus[ded.institution[i]!]! += p;
    else deducted[ded.institution[i]!]! += p;
  }
  const score = new Float64Array(n);
  const band = new Uint8Array(n);
  const override = new Uint8Array(n);
  const { base } = c.ruleSet;
  const { min, max } = c.ruleSet.scale;
  const tests = c.bandTests;
  const lastBand = tests.length - 1;
  const overrides = c.overrides;
  const flags = inst.flags;
  const years = inst.yearsDesignated;
  for (let i = 0; i < n; i++) {
    let s = base - deducted[i]! + bonus[i]!;
    s = Math.min(max, Math.max(min, s));
    const f = flags ? flags[i]! : 0;
    if (f !== 0 && overrides.length > 0) {
      let forced = -1;
      for (let k = 0; k < overrides.length; k++) {
        const o = overrides[k]!;
        if ((f & o.bit) !== 0) {
          forced = k;
          break;
        }
      }
      if (forced >= 0) {
        const o = overrides[forced]!;
        if (o.score !== undefined) s = o.score;
        score[i] = s;
        band[i] = o.band;
        override[i] = forced + 1;
        continue;
      }
    }
    score[i] = s;
    let b = 0;
    const y = years[i]!;
    const d = deducted[i]!;
    const bo = bonus[i]!;
    while (b < lastBand && !tests[b]!(s, d, bo, y, f)) b++;
    band[i] = b;
  }
  return { score, deducted, bonus, band, override };
}

export interface GradeRun {
  readonly results: GradeResult[];
  /** Deductions that could not be used (unknown item, unknown institution, points out of range). */
  readonly issues: InvalidDeduction[];
}

/**
 * Whole years designated by the end of `year` (the cycle ends at the close of 31 December):
 * designated 2024-01-01 → 3 at the end of 2026; designated 2024-06-01 → 2.
 */
export function yearsDesignatedAt(since: string, year: number): number {
  const end = `${year + 1}-01-01`;
  let y = 0;
  while (y < 200 && addYears(since, y + 1) <= end) y++;
  return since > end ? 0 : y;
}

/**
 * Grades institutions for one natural-year cycle under a rule set. Deductions dated in other years
 * are ignored; invalid ones are reported as typed issues and skipped.
 */
export function gradeInstitutions(
  ruleSet: RuleSet,
  institutions: readonly Institution[],
  deductions: readonly DeductionEvent[],
  year: number,
  cycleFlags: readonly CycleFlags[] = [],
): GradeRun {
  const c = compileRuleSet(ruleSet);
  const index = new Map(institutions.map((inst, i) => [inst.id, i]));
  const issues: InvalidDeduction[] = [];
  const instCol = new Int32Array(deductions.length);
  const itemCol = new Uint16Array(deductions.length);
  const ptsCol = new Float64Array(deductions.length);
  let k = 0;
  const prefix = `${year}-`;
  for (const d of deductions) {
    if (!d.date.startsWith(prefix)) continue;
    const ii = index.get(d.institutionId);
    const it = c.itemIndex.get(d.itemCode);
    if (ii === undefined) {
      issues.push(new InvalidDeduction({ eventId: d.id, message: `未找到机构 ${d.institutionId}` }));
      continue;
    }
    if (it === undefined) {
      issues.push(
        new InvalidDeduction({ eventId: d.id, message: `${ruleSet.name}没有扣分项目“${d.itemCode}”` }),
      );
      continue;
    }
    if (d.points !== null && d.points > c.itemMax[it]!) {
      issues.push(
        new InvalidDeduction({
          eventId: d.id,
          message: `“${ruleSet.items[it]!.label}”每次最多${c.itemMax[it]}分，录入了${d.points}分`,
        }),
      );
      continue;
    }
    instCol[k] = ii;
    itemCol[k] = it;
    ptsCol[k] = d.points ?? Number.NaN;
    k++;
  }
  const flags = new Uint32Array(institutions.length);
  for (const cf of cycleFlags) {
    if (cf.year !== year) continue;
    const ii = index.get(cf.institutionId);
    if (ii === undefined) continue;
    for (const f of cf.flags) flags[ii]! |= c.flagBit.get(f) ?? 0;
  }
  const years = new Float64Array(institutions.map((inst) => yearsDesignatedAt(inst.designatedSince, year)));
  const g = gradeColumns(
    c,
    { count: institutions.length, yearsDesignated: years, flags },
    { count: k, institution: instCol, item: itemCol, points: ptsCol },
  );
  const results = institutions.map((inst, i) => toResult(c, inst, year, g, i));
  return { results, issues };
}

const measureCache = new WeakMap<RuleSet, SupervisionMeasure[][]>();

function toResult(
  c: CompiledRuleSet,
  inst: Institution,
  year: number,
  g: GradeColumns,
  i: number,
): GradeResult {
  const rs = c.ruleSet;
  let perBand = measureCache.get(rs);
  if (!perBand) {
    const byCode = new Map(rs.measures.map((m) => [m.code, m]));
    perBand = rs.bands.map((b) => b.measures.map((code) => byCode.get(code)!));
    measureCache.set(rs, perBand);
  }
  const band = rs.bands[g.band[i]!]!;
  const o = g.override[i]! > 0 ? rs.overrides[g.override[i]! - 1]! : null;
  const score = round2(g.score[i]!);
  const deducted = round2(g.deducted[i]!);
  const bonus = round2(g.bonus[i]!);
  const flagLabel = (code: string) => rs.flags.find((f) => f.code === code)?.label ?? code;
  const reason = o
    ? `${band.grade}级：${o.label}，直接评为${band.grade}级`
    : `${band.grade}级：得分${score}分（基础分${rs.base}，扣${deducted}分${bonus > 0 ? `，加${bonus}分` : ""}），${describeBand(band, flagLabel)}`;
  return {
    institutionId: inst.id,
    jurisdiction: inst.jurisdiction,
    year,
    ruleSetId: rs.id,
    ruleSetVersion: rs.version,
    score,
    deducted,
    bonus,
    grade: band.grade,
    override: o?.label ?? null,
    measures: perBand[g.band[i]!]!,
    reason,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
