/**
 * Reading what a person typed into a data-entry cell. Accepts full-width digits and punctuation,
 * thousands separators and a trailing unit that matches the indicator ("96.5%", "３３．６亿元").
 * Returns a typed result with a Chinese message instead of throwing.
 */
export type EntryParse =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  | { kind: "invalid"; message: string };

// Same words as the server's range rule (packages/api observation-rules): such rates are changes.
const changeWords = /增长|增速|增幅|下降|降幅|降低|变化|差|同比|环比/;

function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/[。]/g, ".");
}

export interface EntryRules {
  /** Indicator unit; "%" limits the value to 0–100 (except for changes, see `name`). */
  unit: string | null;
  /** Indicator name: a change ("增长率", "降幅") in % may be negative or exceed 100, as on the server. */
  name?: string;
  /** Qualitative and milestone indicators take text. */
  textAllowed: boolean;
}

export function parseEntry(raw: string, rules: EntryRules): EntryParse {
  const s = toHalfWidth(raw).trim();
  if (s === "") return { kind: "empty" };
  let body = s.replace(/,/g, "");
  const unit = rules.unit ? toHalfWidth(rules.unit).trim() : null;
  if (unit && body.endsWith(unit)) body = body.slice(0, -unit.length).trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) {
    const value = Number(body);
    if (!Number.isFinite(value)) return { kind: "invalid", message: "数值超出范围" };
    if (unit === "%" && !changeWords.test(rules.name ?? "") && (value < 0 || value > 100)) {
      return { kind: "invalid", message: "百分比应在 0 到 100 之间" };
    }
    return { kind: "number", value };
  }
  if (rules.textAllowed) return { kind: "text", text: raw.trim() };
  return { kind: "invalid", message: unit ? `请输入数字（单位：${unit}）` : "请输入数字" };
}
