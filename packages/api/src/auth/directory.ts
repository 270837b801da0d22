import type { Database } from "@ybplan/db";
import { jurisdictions } from "@ybplan/db";
import type { Jurisdiction } from "@ybplan/domain/jurisdiction";

/**
 * The jurisdiction tree held in memory for scope checks and subtree queries (≈3,200 rows at
 * national scale). Reloaded when older than TTL_MS so other server processes' edits show up, and
 * at once after this process changes a jurisdiction (`invalidateDirectory`).
 */
const TTL_MS = 5_000;

export class JurisdictionDirectory {
  readonly byCode: ReadonlyMap<string, Jurisdiction>;
  private readonly children = new Map<string, string[]>();

  constructor(readonly all: readonly Jurisdiction[]) {
    this.byCode = new Map(all.map((j) => [j.code, j]));
    for (const j of all) {
      if (j.parentCode === null) continue;
      const list = this.children.get(j.parentCode) ?? [];
      list.push(j.code);
      this.children.set(j.parentCode, list);
    }
  }

  /** `root` and everything below it. */
  subtree(root: string): string[] {
    const out: string[] = [];
    const stack = [root];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const code = stack.pop()!;
      if (seen.has(code) || !this.byCode.has(code)) continue;
      seen.add(code);
      out.push(code);
      for (const c of this.children.get(code) ?? []) stack.push(c);
    }
    return out;
  }

  /** Parents of `code`, nearest first. */
  ancestors(code: string): string[] {
    const out: string[] = [];
    let cur = this.byCode.get(code)?.parentCode ?? null;
    while (cur !== null && !out.includes(cur)) {
      out.push(cur);
      cur = this.byCode.get(cur)?.parentCode ?? null;
    }
    return out;
  }

  childrenOf(code: string): string[] {
    return this.children.get(code) ?? [];
  }

  /** How `code` relates to a user whose scope root is `root`. */
  relation(root: string, code: string): "own" | "descendant" | "ancestor" | "unrelated" {
    if (root === code) return "own";
    if (this.ancestors(code).includes(root)) return "descendant";
    if (this.ancestors(root).includes(code)) return "ancestor";
    return "unrelated";
  }
}

const cache = new WeakMap<Database, { at: number; dir: JurisdictionDirectory }>();

export async function loadDirectory(database: Database, now = Date.now()): Promise<JurisdictionDirectory> {
  const hit = cache.get(database);
  if (hit && now - hit.at < TTL_MS) return hit.dir;
  const rows = await database.db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      level: jurisdictions.level,
      parentCode: jurisdictions.parentCode,
    })
    .from(jurisdictions);
  const dir = new JurisdictionDirectory(rows);
  cache.set(database, { at: now, dir });
  return dir;
}

export function invalidateDirectory(database: Database): void {
  cache.delete(database);
}
