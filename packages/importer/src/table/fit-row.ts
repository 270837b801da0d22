import { keyText } from "../text/clean.ts";
import type { ColumnKind } from "./columns.ts";

/** One line of a one-cell-per-line table: a whole cell, or a piece of a wrapped cell. */
export interface Fragment {
  readonly text: string;
  readonly line: number;
}

/** A fitted cell: the fragments joined (wrapped lines of one cell are joined without a space). */
export interface FittedCell {
  readonly text: string;
  readonly line: number;
}

export interface FitResult {
  /** Cells by column index; null for a column the row leaves out (a category spanning rows). */
  readonly cells: (FittedCell | null)[];
  /** Another split scored the same: the choice fell to the tie-break (earlier columns take more). */
  readonly ambiguous: boolean;
}

// A cell does not end on these (a wrapped line does): 级 的 和 与 及 、 ， ( 进 在 至 对 按 或 并.
const OPEN_END = /[级的和与及、，,(（进在至对按或并—]$/;
// …and does not start with these (they continue the line above): ) 率 or an annotation "(…".
const CONTINUED_START = /^[)）率(（]/;
const METRIC_END =
  /(率|比例|比重|收入|支出|结余|品种|层次|人次|人数|数量|金额|费用|时间|天数|个数|覆盖面|满意度|统筹|种类|数)(\([^)]*\))*$/;
const NOT_APPLICABLE = /^[—–\-－―/／]+$/;

function jointScore(a: string, b: string): number {
  if (a === "" || b === "") return -10; // an explicit empty cell is never half of another
  let s = -2;
  if (OPEN_END.test(a)) s = 1;
  if (CONTINUED_START.test(b)) s = 1;
  if (a.length <= 2 && b.length <= 2) s = 1; // two wrap pieces of a narrow column ("優質"/"服務")
  return s;
}

function cellScore(kind: ColumnKind, t: string): number {
  const hasDigit = /\d/.test(t);
  switch (kind) {
    case "category":
      if (t === "") return 0;
      if (t.length > 8 || hasDigit || t.includes("/") || t.includes("%")) return -6;
      return METRIC_END.test(t) ? -1 : 2;
    case "name":
      if (t === "") return -6;
      if (/^[\d.%<>≥≤]+$/.test(t)) return -6;
      // names are noun phrases: a comma or full stop means a definition or target was swallowed
      return (METRIC_END.test(t) ? 2 : 0) + (t.length < 4 ? -2 : 0) + (/[,，。；;]/.test(t) ? -3 : 0);
    case "definition":
    case "note":
    case "unit":
    case "unknown":
      if (t === "") return 1;
      if (NOT_APPLICABLE.test(t) || t.includes("/")) return 2;
      return hasDigit && /%|以上|左右|以下/.test(t) ? -4 : 0;
    case "baseline":
    case "target":
      if (t === "") return -1;
      if (NOT_APPLICABLE.test(t)) return 2;
      if (OPEN_END.test(t) || CONTINUED_START.test(t)) return -3;
      return hasDigit ? 1 : 0;
    case "attribute":
      return 0;
  }
}

interface Candidate {
  score: number;
  /** Fragment count per column (0 = column left out). */
  sizes: number[];
}

/**
 * The tie-break between equally good splits: the target cell takes more lines (it is the cell
 * long enough to wrap: "鞏固市級統籌 / 適時推進 / 省級統籌"), then earlier columns take more.
 */
function laterIsBetter(a: Candidate, b: Candidate, targetCol: number): boolean {
  if (b.score !== a.score) return b.score > a.score;
  if (targetCol >= 0 && a.sizes[targetCol] !== b.sizes[targetCol])
    return (b.sizes[targetCol] ?? 0) > (a.sizes[targetCol] ?? 0);
  for (let i = 0; i < a.sizes.length; i++) {
    const x = a.sizes[i] ?? 0;
    const y = b.sizes[i] ?? 0;
    if (x !== y) return y > x;
  }
  return false;
}

/**
 * Distributes a row's fragments over its columns. A one-cell-per-line export loses the cell
 * boundaries of wrapped cells ("基本醫療保險" / "參保率") and of cells merged across rows (the
 * category is given once per group), so every split of the fragments into consecutive groups is
 * scored — does each group read like its column (a name ends in 率/比例/…, a value has digits, a
 * definition a "/"), does each join look like a wrapped line (a line ending in 级/的/和…, two
 * two-character pieces) — and the best split wins. Rows are short (≤ ~10 fragments, ≤ 6 columns),
 * so trying every split is cheap.
 *
 * `categoryOptional`: the first column is a category that a continuation row may leave out.
 */
export function fitRow(
  fragments: readonly Fragment[],
  kinds: readonly ColumnKind[],
  categoryOptional: boolean,
): FitResult | null {
  const texts = fragments.map((f) => keyText(f.text));
  const k = fragments.length;
  const m = kinds.length;
  const targetCol = kinds.indexOf("target");
  let best: Candidate | null = null;
  let bestCount = 0;
  const sizes: number[] = new Array(m).fill(0);

  const visit = (col: number, from: number, score: number): void => {
    if (col === m) {
      if (from !== k) return;
      const cand: Candidate = { score, sizes: [...sizes] };
      if (best === null || cand.score > best.score) bestCount = 1;
      else if (cand.score === best.score) bestCount++;
      if (best === null || laterIsBetter(best, cand, targetCol)) best = cand;
      return;
    }
    const kind = kinds[col] ?? "unknown";
    if (col === 0 && categoryOptional && kind === "category") {
      sizes[0] = 0;
      visit(1, from, score - 1);
    }
    // every later column needs at least one fragment
    for (let n = 1; from + n + (m - col - 1) <= k; n++) {
      let s = score + cellScore(kind, texts.slice(from, from + n).join(""));
      for (let i = from; i + 1 < from + n; i++) s += jointScore(texts[i] ?? "", texts[i + 1] ?? "");
      sizes[col] = n;
      visit(col + 1, from + n, s);
    }
    sizes[col] = 0;
  };
  visit(0, 0, 0);
  const chosen = best as Candidate | null;
  if (chosen === null) return null;
  const cells: (FittedCell | null)[] = [];
  let at = 0;
  for (const n of chosen.sizes) {
    if (n === 0) {
      cells.push(null);
      continue;
    }
    const group = fragments.slice(at, at + n);
    cells.push({ text: group.map((f) => f.text.trim()).join(""), line: group[0]?.line ?? 0 });
    at += n;
  }
  return { cells, ambiguous: bestCount > 1 };
}
