import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "@ybplan/db/schema";
import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";

/**
 * One path for every write: outside packages/api and packages/db, no module imports a Drizzle
 * table of @ybplan/db and passes it to insert/update/delete. Hosts (server, CLI, scripts) write
 * through the router (`createCaller` in process), where validation, version checks and audit are.
 * Product code is checked (every package's and app's `src/` and `scripts/`); test and bench
 * fixtures that bulk-load a database are not.
 */

const root = fileURLToPath(new URL("../../..", import.meta.url));
const tables = new Set(
  Object.entries(schema)
    .filter(([, v]) => is(v, PgTable))
    .map(([k]) => k),
);
const owners = ["packages/api/", "packages/db/"];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", "dist", "test", "bench"].includes(e.name) || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(m?[jt]sx?)$/.test(e.name)) out.push(p);
  }
  return out;
}

const importFromDb = /import\s+(type\s+)?([^;]*?)\s+from\s+["']@ybplan\/db(?:\/schema)?["']/g;

/** Local names bound to tables by this file's imports of @ybplan/db (and namespace imports). */
export function tableBindings(source: string): { names: string[]; namespaces: string[] } {
  const names: string[] = [];
  const namespaces: string[] = [];
  for (const m of source.matchAll(importFromDb)) {
    if (m[1]) continue; // `import type` binds no value
    const clause = m[2]!;
    const ns = /\*\s+as\s+(\w+)/.exec(clause);
    if (ns) namespaces.push(ns[1]!);
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? "";
    for (const part of named.split(",")) {
      const [imported, local] = part
        .replace(/^\s*type\s+/, "")
        .trim()
        .split(/\s+as\s+/);
      if (imported && !part.trim().startsWith("type ") && tables.has(imported))
        names.push((local ?? imported).trim());
    }
  }
  return { names, namespaces };
}

export function writesTables(source: string): string[] {
  const { names, namespaces } = tableBindings(source);
  const target = [...names.map((n) => `${n}\\b`), ...namespaces.map((n) => `${n}\\.\\w+`)];
  if (target.length === 0) return [];
  const write = new RegExp(`\\.(insert|update|delete)\\(\\s*(${target.join("|")})`, "g");
  return [...source.matchAll(write)].map((m) => `${m[1]}(${m[2]})`);
}

describe("one write path", () => {
  it("recognises a table write and ignores reads, type imports and Map.delete", () => {
    expect(tables.has("observations")).toBe(true);
    const writer = `import { observations as o, plans } from "@ybplan/db";\nawait tx.insert(o).values(v);\nawait db.select().from(plans);`;
    expect(writesTables(writer)).toEqual(["insert(o)"]);
    const ns = `import * as s from "@ybplan/db/schema";\nawait db.delete(s.users);`;
    expect(writesTables(ns)).toEqual(["delete(s.users)"]);
    expect(
      writesTables(`import type { observations } from "@ybplan/db";\nmap.delete(observations);`),
    ).toEqual([]);
    expect(writesTables(`import { cacheUse } from "@ybplan/db";\nentries.delete(key);`)).toEqual([]);
  });

  it("no module outside packages/api and packages/db writes a Drizzle table", () => {
    const offenders: string[] = [];
    for (const top of ["apps", "packages", "tooling"]) {
      for (const file of sources(join(root, top))) {
        const rel = relative(root, file).split("\\").join("/");
        if (owners.some((o) => rel.startsWith(o))) continue;
        const writes = writesTables(readFileSync(file, "utf8"));
        if (writes.length > 0) offenders.push(`${rel}: ${writes.join(", ")}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
