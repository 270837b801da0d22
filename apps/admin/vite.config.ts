import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Writes `.br` and `.gz` beside every text asset of the build, compressed once; the server sends
 * them to clients that accept them (apps/server/src/cache). Brotli at quality 10, not 11: half the
 * time (4 MB of assets: ~4 s instead of ~9 s on a busy 2-core machine, and every test run builds)
 * for 2 % more bytes.
 */
function precompress(): Plugin {
  const compressible = /\.(js|mjs|css|html|svg|json|txt)$/;
  let outDir = "dist";
  return {
    name: "ybplan-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!compressible.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 10,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The server serves `dist/` at `/` and the API at `/trpc`; in `vite dev` the API is proxied.
export default defineConfig({
  plugins: [react(), precompress()],
  base: "./",
  server: {
    port: 5173,
    proxy: { "/trpc": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Which chunks each route loads (the server bench reports compressed JS per route).
    manifest: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: their own long-cached chunks. ECharts stays
        // out of these (it is imported only where a chart is drawn).
        manualChunks(id) {
          if (!id.includes("node_modules")) return undefined;
          if (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return "react";
          if (/[\\/]node_modules[\\/](@trpc|@tanstack)[\\/]/.test(id)) return "data";
          return undefined;
        },
      },
    },
  },
});
