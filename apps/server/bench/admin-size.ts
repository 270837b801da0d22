import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

/**
 * What each admin route makes the browser download before it can show: the entry's JS (the login
 * form) plus the route's chunk and its static imports, brotli-compressed as the server sends them.
 * Read from the build's manifest (apps/admin/vite.config.ts writes it); null when not built.
 */
const adminDir = fileURLToPath(new URL("../../admin/", import.meta.url));

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
}

export function adminRouteSizes(): { route: string; kib: number }[] | null {
  const manifestFile = `${adminDir}dist/.vite/manifest.json`;
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, ManifestChunk>;
  const brSize = (file: string) => {
    const path = `${adminDir}dist/${file}`;
    if (existsSync(`${path}.br`)) return readFileSync(`${path}.br`).length;
    return brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      .length;
  };
  const closure = (key: string, seen: Set<string>) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const i of manifest[key]!.imports ?? []) closure(i, seen);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const entrySet = new Set<string>();
  closure(entry, entrySet);
  const jsOf = (keys: Set<string>) =>
    [...keys]
      .map((k) => manifest[k]!.file)
      .filter((f) => f.endsWith(".js"))
      .reduce((n, f) => n + brSize(f), 0);
  const registry = readFileSync(`${adminDir}src/routes/registry.ts`, "utf8");
  const routes = [
    ...registry.matchAll(/route\("([^"]+)",\s*"([^"]+)",\s*\(\)\s*=>\s*import\("\.\.\/([^"]+)"\)/g),
  ];
  const rows = [{ route: "/login (entry)", kib: jsOf(entrySet) / 1024 }];
  for (const [, path, title, module] of routes) {
    const keys = new Set(entrySet);
    closure(`src/${module}`, keys);
    rows.push({ route: `${path} ${title}`, kib: jsOf(keys) / 1024 });
  }
  return rows;
}
