/**
 * Size of the JavaScript a browser must download before the first screen (the login page): the
 * entry script of the production build plus every chunk index.html preloads, as the server sends
 * them — the build's `.br` files (brotli; gzip beside it for reference). Goal (issue 15): < 150
 * KiB. Per-route sizes (the signed-in shell and each page on top) are in the server bench. Run
 * after `vite build`; builds first if dist is missing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const GOAL_KIB = 150;
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
/** The brotli bytes the server sends: the build's `.br` (made when the build ran). */
const brotliOf = (file: string, buf: Buffer) =>
  existsSync(`${file}.br`)
    ? readFileSync(`${file}.br`).length
    : brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }).length;
let raw = 0;
let gz = 0;
let br = 0;
console.log("Initial JavaScript (entry + modulepreload: the login page):");
for (const href of initial) {
  const file = join(dist, href.replace(/^\.?\//, ""));
  const buf = readFileSync(file);
  const g = gzipSync(buf, { level: 9 }).length;
  const b = brotliOf(file, buf);
  raw += buf.length;
  gz += g;
  br += b;
  console.log(`  ${href}  ${kb(buf.length)} KiB raw, ${kb(b)} KiB brotli, ${kb(g)} KiB gzip`);
}

const assets = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
let allGz = 0;
for (const f of assets) allGz += gzipSync(readFileSync(join(dist, "assets", f)), { level: 9 }).length;

console.log(
  `initial JS: ${kb(br)} KiB brotli, ${kb(gz)} KiB gzip (${kb(raw)} KiB raw) — goal < ${GOAL_KIB} KiB brotli: ${br / 1024 < GOAL_KIB ? "met" : "NOT met"}`,
);
console.log(`all JS chunks (${assets.length} files, loaded on demand): ${kb(allGz)} KiB gzip`);
if (br / 1024 >= GOAL_KIB) process.exitCode = 1;
