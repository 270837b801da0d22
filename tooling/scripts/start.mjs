#!/usr/bin/env node
// `pnpm start`: builds the admin app when it exists, then runs the server (tsx, no build step).
// Environment: PORT (3000), YBPLAN_DATA_DIR (./.ybplan-data, embedded PGlite), DATABASE_URL
// (PostgreSQL instead), YBPLAN_ADMIN_PASSWORD (the first administrator's password).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const pnpm = process.platform === "win32" ? "pnpm.cmd" : "pnpm";

if (existsSync(join(root, "apps/admin/package.json"))) {
  console.log("» 构建管理端 (pnpm -F @ybplan/admin build)…");
  const build = spawnSync(pnpm, ["-F", "@ybplan/admin", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("管理端构建失败；服务器仍将启动（仅提供接口）。");
  }
} else {
  console.log("» 未找到 apps/admin，跳过管理端构建。");
}

const env = { ...process.env };
// Relative data directories are relative to where `pnpm start` was run (the repository root).
if (!env.DATABASE_URL) env.YBPLAN_DATA_DIR = resolve(root, env.YBPLAN_DATA_DIR || ".ybplan-data");

const serverDir = join(root, "apps/server");
const tsx = join(serverDir, "node_modules/.bin/tsx");
const child = spawn(
  existsSync(tsx) ? tsx : "npx",
  existsSync(tsx) ? ["src/main.ts"] : ["tsx", "src/main.ts"],
  {
    cwd: serverDir,
    env,
    stdio: "inherit",
  },
);
// Forward signals so the server shuts down gracefully.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
