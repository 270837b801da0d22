import { TRADITIONAL_SIMPLIFIED_PAIRS } from "./simplify-table.ts";

const table: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const chunk of TRADITIONAL_SIMPLIFIED_PAIRS) {
    const chars = [...chunk];
    for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  }
  return map;
})();

/** Converts traditional characters to simplified, character by character; other text is kept. */
export function toSimplified(s: string): string {
  let out = "";
  for (const ch of s) out += table.get(ch) ?? ch;
  return out;
}

/** Whether the text contains a character the table knows as traditional. */
export function hasTraditional(s: string): boolean {
  for (const ch of s) if (table.has(ch)) return true;
  return false;
}

/** Number of traditional → simplified pairs known (for tests and diagnostics). */
export const simplifiedPairCount = table.size;
