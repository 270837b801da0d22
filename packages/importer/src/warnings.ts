import type { ImportWarning } from "@ybplan/domain/plan";

/** Stable codes of import warnings, so callers (and tests) need not match Chinese messages. */
export type WarningCode =
  | "unplacedRow"
  | "unreadableCell"
  | "shiftedCell"
  | "missingAttribute"
  | "missingCategory"
  | "extraCells"
  | "ambiguousSplit"
  | "unusedFootnote"
  | "missingFootnote"
  | "unitNormalised"
  | "duplicateIndicator"
  | "secondTable"
  | "noIndicatorTable"
  | "proseIndicators"
  | "unclearProse"
  | "emptyProject"
  | "missingMetadata"
  | "converterMessage";

/** Collects warnings in document order. Nothing the importer skips goes unreported. */
export class Warnings {
  readonly list: ImportWarning[] = [];

  add(code: WarningCode, line: number, message: string, text = ""): void {
    this.list.push({ code, line, message, text: text.trim().slice(0, 500) });
  }

  sorted(): ImportWarning[] {
    return [...this.list].sort((a, b) => a.line - b.line);
  }
}
