// `pnpm ybplan <args>` from the repository root: runs the bundled CLI, building it first when it is
// missing or older than any source it bundles (a fresh clone, or sources edited since the last build).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(cliDir, "../..");
const entry = join(cliDir, "dist/ybplan.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  const sources = [
    join(cliDir, "src"),
    ...readdirSync(join(root, "packages")).map((p) => join(root, "packages", p, "src")),
  ];
  return sources.some((s) => existsSync(s) && newestSource(s) > built);
}

if (stale()) {
  const r = spawnSync(process.execPath, [join(cliDir, "scripts/build.mjs")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(entry).href);
