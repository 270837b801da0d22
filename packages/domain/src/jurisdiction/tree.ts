import type { Jurisdiction } from "./schema.ts";

/**
 * Codes of `root` and every jurisdiction below it. Scope checks ("a 黄石市 user acts on 黄石市
 * and its counties") and subtree evaluation both use this.
 */
export function subtreeCodes(all: readonly Jurisdiction[], root: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const j of all) {
    if (j.parentCode === null) continue;
    const list = children.get(j.parentCode) ?? [];
    list.push(j.code);
    children.set(j.parentCode, list);
  }
  const out = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const code = stack.pop()!;
    if (out.has(code)) continue;
    out.add(code);
    for (const c of children.get(code) ?? []) stack.push(c);
  }
  return out;
}

/** The chain from `code` up to its province, nearest first (excluding `code` itself). */
export function ancestorCodes(all: readonly Jurisdiction[], code: string): string[] {
  const byCode = new Map(all.map((j) => [j.code, j]));
  const out: string[] = [];
  let cur = byCode.get(code)?.parentCode ?? null;
  while (cur !== null && !out.includes(cur)) {
    out.push(cur);
    cur = byCode.get(cur)?.parentCode ?? null;
  }
  return out;
}

/** True when `code` is `scopeRoot` or lies below it. */
export function isWithin(all: readonly Jurisdiction[], code: string, scopeRoot: string): boolean {
  return code === scopeRoot || ancestorCodes(all, code).includes(scopeRoot);
}
