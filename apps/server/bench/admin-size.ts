import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

/**
 * What each admin route makes the browser download before it can show: the entry's JS (the login
 * form); for the pages behind the login also the signed-in shell (layout, navigation, router:
 * `src/layout/authenticated-app.tsx`), the route's chunk and their static imports — brotli-
 * compressed as the server sends them. Read from the build's manifest (apps/admin/vite.config.ts
 * writes it); null when not built.
 */
const adminDir = fileURLToPath(new URL("../../admin/", import.meta.url));

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly name?: string;
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
  // A module imported both lazily and statically becomes a shared chunk keyed by its name.
  const keyOf = (module: string) => {
    const src = `src/${module}`;
    if (manifest[src]) return src;
    const name = module.replace(/^.*\//, "").replace(/\.tsx?$/, "");
    return Object.keys(manifest).find((k) => manifest[k]!.src === src || manifest[k]!.name === name) ?? src;
  };
  const shell = new Set(entrySet);
  closure(keyOf("layout/authenticated-app.tsx"), shell);
  const rows = [{ route: "/login (entry)", kib: jsOf(entrySet) / 1024 }];
  for (const [, path, title, module] of routes) {
    const keys = new Set(shell);
    closure(keyOf(module!), keys);
    rows.push({ route: `${path} ${title}`, kib: jsOf(keys) / 1024 });
  }
  return rows;
}
