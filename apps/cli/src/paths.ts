import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Paths as the user typed them. `pnpm ybplan …` runs the CLI inside apps/cli; pnpm records the
 * directory the user was in as INIT_CWD, so relative paths resolve against that.
 */
export function userPath(p: string): string {
  return isAbsolute(p) ? p : resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** The monorepo root (where pnpm-workspace.yaml is). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, "pnpm-workspace.yaml"))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/**
 * The embedded database's directory: `YBPLAN_DATA_DIR` (relative to where the command was run),
 * else `.ybplan-data` at the repository root — the same default as the server.
 */
export function dataDir(): string {
  const env = process.env.YBPLAN_DATA_DIR;
  return env ? userPath(env) : resolve(repoRoot(), ".ybplan-data");
}
