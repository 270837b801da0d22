// Bundles the CLI into an ESM entry file, dist/ybplan.mjs (what `bin` names and `pnpm ybplan` runs),
// plus the chunks next to it that commands load on use.
// Workspace packages are TypeScript sources; esbuild compiles and bundles them with their
// dependencies, so a command loads one file instead of compiling hundreds of modules at start.
import { readFileSync, rmSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = resolve(cliDir, "dist/ybplan.mjs");
const outDir = dirname(outfile);
const relFromOut = (file) => {
  const rel = relative(outDir, file).split("\\").join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
};

// Modules that find files next to themselves (migrations, sample plans, PGlite's wasm)
// keep doing so: `import.meta.url` becomes their original location, relative to the bundle.
const keepModuleLocation = {
  name: "keep-module-location",
  setup(b) {
    b.onLoad({ filter: /\.(m?[jt]s)$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const here = `new URL(${JSON.stringify(relFromOut(args.path))}, import.meta.url).href`;
      return {
        contents: source.replaceAll("import.meta.url", here),
        loader: args.path.endsWith(".ts") ? "ts" : "js",
        resolveDir: dirname(args.path),
      };
    });
  },
};

// zod's `z` namespace carries all forty of its locales (about 400 KB the CLI would compile on every
// command that validates); ybplan configures zh-CN only (packages/api/src/trpc.ts).
const zodOneLocale = {
  name: "zod-one-locale",
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as zhCN } from "./zh-CN.js";',
      loader: "js",
    }));
  },
};

rmSync(outDir, { recursive: true, force: true });
const started = Date.now();
await build({
  entryPoints: [resolve(cliDir, "src/main.ts")],
  outdir: outDir,
  entryNames: "ybplan",
  outExtension: { ".js": ".mjs" },
  // Chunks sit next to the entry: the rewritten `import.meta.url` below is relative to dist/.
  chunkNames: "chunk-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Each command's modules are chunks loaded on use: `--help` reads a small entry file only.
  splitting: true,
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  plugins: [zodOneLocale, keepModuleLocation],
  banner: {
    // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
    js: 'import { createRequire as __ybplanRequire } from "node:module"; const require = __ybplanRequire(import.meta.url);',
  },
});
process.stderr.write(`built ${relative(process.cwd(), outfile)} in ${Date.now() - started} ms\n`);
