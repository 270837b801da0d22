import { existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { sendStaticFile } from "./cache/index.ts";

/**
 * Serves the built admin app (apps/admin/dist) with an SPA fallback to index.html. Hashed
 * assets are cached for a year; index.html never (so a new build shows at once).
 */
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

const notBuiltPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>ybplan</title>
<body style="font-family:sans-serif;padding:2em"><h1>ybplan 服务已启动</h1>
<p>管理端尚未构建。请运行 <code>pnpm -F @ybplan/admin build</code> 后刷新本页。接口地址：<code>/trpc</code>，健康检查：<code>/healthz</code>。</p></body></html>`;

export function staticHandler(root: string | null) {
  const base = root && existsSync(join(root, "index.html")) ? resolve(root) : null;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res
        .writeHead(405, { "content-type": "text/plain; charset=utf-8", allow: "GET, HEAD" })
        .end("方法不允许");
      return;
    }
    if (!base) {
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
        .end(notBuiltPage);
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("请求路径无效");
      return;
    }
    const file = resolve(base, `.${normalize(pathname)}`);
    const inside = file === base || file.startsWith(base + sep);
    const isFile = inside && existsSync(file) && statSync(file).isFile();
    // Unknown paths without an extension are client-side routes: serve the SPA shell.
    if (!isFile && extname(pathname) !== "") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("未找到");
      return;
    }
    const target = isFile ? file : join(base, "index.html");
    const isIndex = target.endsWith(`${sep}index.html`);
    // Compressed (brotli/gzip, precompressed at build) with an ETag: see cache/static-assets.ts.
    sendStaticFile(req, res, target, {
      "content-type": types[extname(target)] ?? "application/octet-stream",
      "cache-control": isIndex
        ? "no-cache"
        : pathname.startsWith("/assets/")
          ? "public, max-age=31536000, immutable"
          : "public, max-age=3600",
      "x-content-type-options": "nosniff",
    });
  };
}
