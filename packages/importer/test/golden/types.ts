/**
 * One row of a plan's main-indicator table as the golden tests expect it, written by reading the
 * source document (not by running the importer). Conventions of the stored form:
 * - `category`, `name`, `unit`, `definition`: simplified characters, brackets half-width, the unit
 *   taken out of the name ("…基金收入（亿元）" → name "…基金收入", unit "亿元"), footnote marks
 *   taken out of the name;
 * - `baseline`, `target`: the cell text exactly as the document writes it (traditional characters,
 *   "^①", "<sup>②</sup>" and all); "" when the table has no such column (Nanyang has no 2020
 *   column);
 * - `footnote`: the note the row's marks point to, digits half-width, spaces between Chinese and
 *   digits dropped, characters simplified.
 */
export interface GoldenRow {
  readonly category: string;
  readonly name: string;
  readonly unit: string | null;
  readonly baseline: string;
  readonly target: string;
  readonly attribute: "binding" | "expected";
  readonly definition?: string | null;
  readonly footnote?: string | null;
}

export interface GoldenPlan {
  readonly key: string;
  readonly plan: {
    readonly title: string;
    readonly issuer: string | null;
    readonly documentNumber: string | null;
    readonly issueDate: string | null;
    readonly jurisdictionCode: string | null;
    readonly jurisdictionName: string | null;
    readonly status: "draft" | "published";
  };
  readonly rows: readonly GoldenRow[];
  /** Outline entries per level (1 = outermost numbering style the body uses). */
  readonly outline: Readonly<Record<number, number>>;
  /** Items per 专栏 box, keyed by the box's number as written ("专栏2"). */
  readonly projects: Readonly<Record<string, number>>;
}
