import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/index.ts";

/** The admin app's files: compressed (precompressed siblings preferred), ETag, long caching of hashed assets. */
describe("static files", () => {
  let server: RunningServer;
  let dist: string;
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, text: `第${i}行` })))};\n`;

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    });

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "ybplan-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(
      join(dist, "index.html"),
      `<!doctype html><title>ybplan</title>${"<!-- pad -->".repeat(200)}`,
    );
    writeFileSync(join(dist, "assets/app-abc123.js"), script);
    // What the build's precompression writes; marked so the test can tell it was used.
    writeFileSync(
      join(dist, "assets/app-abc123.js.br"),
      brotliCompressSync(Buffer.from(`${script}// prebuilt\n`)),
    );
    server = await startServer({ port: 0, adminDist: dist, importer: null, adminPassword: "Static-pass-1" });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends the build's brotli file, gzip made here, identity when asked", async () => {
    const br = await get("/assets/app-abc123.js", { "accept-encoding": "gzip, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(`${script}// prebuilt\n`);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toBe("accept-encoding");

    const gz = await get("/assets/app-abc123.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(script) / 2);

    const plain = await get("/assets/app-abc123.js", { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it("revalidates index.html (also for client-side routes) with its ETag", async () => {
    const first = await get("/plans/123", { "accept-encoding": "br" });
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-cache");
    expect(brotliDecompressSync(first.body).toString()).toContain("<title>ybplan</title>");
    const again = await get("/plans/123", { "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});
