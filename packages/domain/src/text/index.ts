/**
 * Text normalisation shared by the target parser and the plan importer: full-width → half-width,
 * traditional → simplified, footnote markers, units in names and values.
 */

export { circledDigit, extractFootnoteMarks, type FootnoteExtraction, plainCellText } from "./footnote.ts";
export { compactSpaces, type NormalizeOptions, normalizeText, toHalfWidth } from "./normalize.ts";
export { hasTraditional, simplifiedPairCount, toSimplified } from "./simplify.ts";
export {
  canonicalUnit,
  matchUnitAt,
  type NameAndUnit,
  splitNameAndUnit,
  UNIT_ALIASES,
  UNITS,
  unitFromText,
} from "./unit.ts";
