/**
 * Size of the JavaScript a browser must download before the first screen: the entry script of
 * the production build plus every chunk index.html preloads, gzipped (node:zlib, level 9 like
 * common servers' static compression). Run after `vite build`; builds first if dist is missing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const GOAL_KB = 300;
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

if (!existsSync(join(dist, "index.html"))) {
  execFileSync("pnpm", ["exec", "vite", "build"], { cwd: root, stdio: "inherit" });
}

const html = readFileSync(join(dist, "index.html"), "utf8");
const initial = new Set<string>();
for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) initial.add(m[1]!);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) initial.add(m[1]!);

const kb = (n: number) => (n / 1024).toFixed(1);
let raw = 0;
let gz = 0;
console.log("Initial JavaScript (entry + modulepreload):");
for (const href of initial) {
  const buf = readFileSync(join(dist, href.replace(/^\.?\//, "")));
  const g = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  console.log(`  ${href}  ${kb(buf.length)} KB raw, ${kb(g)} KB gzip`);
}

const assets = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
let allGz = 0;
for (const f of assets) allGz += gzipSync(readFileSync(join(dist, "assets", f)), { level: 9 }).length;

console.log(
  `initial JS: ${kb(gz)} KB gzip (${kb(raw)} KB raw) — goal < ${GOAL_KB} KB: ${gz / 1024 < GOAL_KB ? "met" : "NOT met"}`,
);
console.log(`all JS chunks (${assets.length} files, loaded on demand): ${kb(allGz)} KB gzip`);
if (gz / 1024 >= GOAL_KB) process.exitCode = 1;
