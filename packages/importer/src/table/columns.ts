import { keyText } from "../text/clean.ts";

/** What a column of the indicator table holds. */
export type ColumnKind =
  | "category"
  | "name"
  | "definition"
  | "unit"
  | "baseline"
  | "target"
  | "attribute"
  | "note"
  | "unknown";

export interface Column {
  readonly kind: ColumnKind;
  /** Header text as written. */
  readonly header: string;
  /** Year of a value column ("2020 年" → 2020). */
  readonly year: number | null;
}

const YEAR = /((?:19|20)\d\d)/;

function kindOf(header: string): { kind: ColumnKind; year: number | null } {
  const t = keyText(header);
  if (t === "") return { kind: "unknown", year: null };
  if (/属性|性质/.test(t)) return { kind: "attribute", year: null };
  if (/说明|口径|计算方法|定义|解释/.test(t)) return { kind: "definition", year: null };
  const y = YEAR.exec(t);
  if (y) return { kind: "target", year: Number(y[1]) }; // resolved to baseline/target below
  if (/基期|基数|现状|基准/.test(t)) return { kind: "baseline", year: null };
  if (/目标值|预期目标|目标/.test(t) && !/指标/.test(t)) return { kind: "target", year: null };
  if (/维度|类别|类型|领域|分类|板块|^项目$|^序号类别$/.test(t)) return { kind: "category", year: null };
  if (/单位/.test(t)) return { kind: "unit", year: null };
  if (/指标|名称/.test(t)) return { kind: "name", year: null };
  if (/备注|附注/.test(t)) return { kind: "note", year: null };
  return { kind: "unknown", year: null };
}

/** The column a header cell names on its own ("指标维度" → category); unknown for other text. */
export function headerKind(text: string): ColumnKind {
  return kindOf(text).kind;
}

/**
 * Classifies the header cells. Year columns: the earliest is the baseline, the latest the target
 * (whatever their order: Hunan puts 2025 before 2020); a single year column is the target when
 * it lies after `baselineYear`, else the baseline (Nanyang has only "2025 年").
 */
export function classifyColumns(headers: readonly string[], baselineYear: number): Column[] {
  const raw: { header: string; kind: ColumnKind; year: number | null }[] = headers.map((h) => ({
    header: h,
    ...kindOf(h),
  }));
  const years = raw.filter((c) => c.year !== null).map((c) => c.year as number);
  const min = Math.min(...years);
  const max = Math.max(...years);
  // "一级指标 | 二级指标": with no category column, the first of two name columns is the category
  const names = raw.filter((c) => c.kind === "name");
  if (names.length > 1 && !raw.some((c) => c.kind === "category") && names[0]) names[0].kind = "category";
  return raw.map((c): Column => {
    if (c.year === null) return c;
    if (years.length === 1) return { ...c, kind: c.year > baselineYear ? "target" : "baseline" };
    if (c.year === min) return { ...c, kind: "baseline" };
    if (c.year === max) return { ...c, kind: "target" };
    return { ...c, kind: "note" }; // an intermediate year (e.g. 2023 milestone): kept as a note
  });
}

/** A header is usable when it names the indicator column and at least one value column. */
export function isIndicatorHeader(columns: readonly Column[]): boolean {
  const kinds = new Set(columns.map((c) => c.kind));
  return kinds.has("name") && (kinds.has("target") || kinds.has("baseline")) && columns.length >= 3;
}

const ATTRIBUTE_VALUE = /^(约束性|预期性|约束|预期|指导性)(指标)?$/;

/** "约束性" → binding, "預期性" → expected; null when the text is no attribute. */
export function attributeOf(text: string): "binding" | "expected" | null {
  const t = keyText(text);
  if (!ATTRIBUTE_VALUE.test(t)) return null;
  return t.startsWith("约束") ? "binding" : "expected";
}
