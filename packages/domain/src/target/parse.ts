import type { ParsedCell, TargetExpression } from "./expression.ts";

// Placeholder signatures; the parser is being written (issue 2). Do not depend on behaviour yet.

/** Parses a target or baseline cell's text into a typed expression. Never throws. */
export function parseTargetText(text: string): TargetExpression {
  return { kind: "unrecognised", reason: `解析器尚未实现：${text}` };
}

/** Parses a cell, lifting footnote markers out of the text. Never throws. */
export function parseTargetCell(text: string): ParsedCell {
  return { text, expression: parseTargetText(text), footnoteMarks: [] };
}
