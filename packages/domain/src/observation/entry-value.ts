/**
 * Reading a typed observation value and checking its range: one rule for the admin's entry grid,
 * the CLI's observation import and the API's save. Pure; messages are Chinese for the person typing.
 *
 * Range: a rate in "%" lies within 0–100 unless its name says it is a change (增长/增速/降幅/变化/差…),
 * which may be negative or exceed 100; counts and amounts (个, 个品种, 人, 亿元, 天…) are never negative.
 */
import { toHalfWidth } from "../text/normalize.ts";

export type EntryValue =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "invalid"; readonly message: string };

export interface EntryValueRules {
  /** The indicator's unit ("%", "亿元", "个品种"…); a typed value may repeat it ("33.6亿元"). */
  readonly unit: string | null;
  /** The indicator's name: a change in % ("基金收入增长率") may be negative or exceed 100. */
  readonly name?: string;
  /** Qualitative and milestone indicators take text. */
  readonly textAllowed: boolean;
}

const changeWords = /增长|增速|增幅|下降|降幅|降低|变化|差|同比|环比/;

/** Units whose values are counts or amounts: a negative value is a typing error. */
const nonNegativeUnits = new Set([
  "个",
  "类",
  "种",
  "家",
  "人",
  "万人",
  "人次",
  "万人次",
  "亿元",
  "万元",
  "元",
  "个月",
  "月",
  "天",
  "日",
  "所",
  "项",
  "次",
  "批",
  "张",
  "床",
  "件",
  "户",
  "个品种",
  "种类",
]);

/** Units a bare number may carry when the indicator's unit is not known (longest first). */
const knownUnits = ["%", ...[...nonNegativeUnits].sort((a, b) => b.length - a.length)];

const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function normalise(raw: string): string {
  // "。" typed for the decimal point on a Chinese keyboard.
  return toHalfWidth(raw)
    .replace(/。/g, ".")
    .replace(/[,，\s]/g, "");
}

function stripUnit(body: string, unit: string): string {
  return unit && body.endsWith(unit) ? body.slice(0, -unit.length) : body;
}

/**
 * A number typed with or without its unit: "96.3", "96.3%", "１２３", "1,234", "33.6亿元" → number;
 * anything else (words, "97%%", two units) → null. With `unit`, only that unit may follow the number.
 */
export function readNumber(raw: string, unit?: string | null): number | null {
  const body = normalise(raw);
  const candidates =
    unit != null ? [stripUnit(body, normalise(unit))] : [body, ...knownUnits.map((u) => stripUnit(body, u))];
  const hit = candidates.find((c) => plainNumber.test(c));
  if (hit === undefined) return null;
  const value = Number(hit);
  return Number.isFinite(value) ? value : null;
}

/** The range problem of a numeric value for an indicator, or null when it is acceptable. */
export function numericRangeProblem(value: number, unit: string | null, name: string): string | null {
  if (!Number.isFinite(value)) return "数值无效";
  const u = normalise(unit ?? "");
  if (u === "%") {
    if (changeWords.test(name)) return null;
    return value < 0 || value > 100 ? "百分比应在 0–100 之间" : null;
  }
  if (nonNegativeUnits.has(u) && value < 0) return `以“${u}”为单位的数值不能为负数`;
  return null;
}

/**
 * Whether an indicator's yearly value may be text: qualitative and milestone targets ("保持稳定",
 * "2023年实现省级统筹"); every other target is judged on numbers.
 */
export function entryTakesText(targetKind: string): boolean {
  return targetKind === "qualitative" || targetKind === "milestone";
}

/** What a person typed into a cell, read against the indicator's unit, name and kind. */
export function parseEntryValue(raw: string, rules: EntryValueRules): EntryValue {
  if (normalise(raw) === "") return { kind: "empty" };
  const unit = rules.unit ? normalise(rules.unit) : null;
  const body = stripUnit(normalise(raw), unit ?? "");
  if (plainNumber.test(body)) {
    const value = Number(body);
    if (!Number.isFinite(value)) return { kind: "invalid", message: "数值超出范围" };
    const problem = numericRangeProblem(value, unit, rules.name ?? "");
    return problem ? { kind: "invalid", message: problem } : { kind: "number", value };
  }
  if (rules.textAllowed) return { kind: "text", text: raw.trim() };
  return { kind: "invalid", message: unit ? `请输入数字（单位：${unit}）` : "请输入数字" };
}
