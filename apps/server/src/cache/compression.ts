import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Response compression: brotli when the client takes it, else gzip. Bodies under 1 KiB are sent
 * as they are (the headers would outweigh the saving).
 */
export type Encoding = "br" | "gzip";

export const MIN_COMPRESS_BYTES = 1024;

/** The encoding to send for this request's Accept-Encoding (q=0 refuses one). */
export function negotiateEncoding(req: IncomingMessage): Encoding | null {
  const header = req.headers["accept-encoding"];
  const value = (Array.isArray(header) ? header.join(",") : header) ?? "";
  const accepted = new Map<string, number>();
  for (const part of value.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

/**
 * Fast settings for bodies compressed at request time, which the client waits for: on a 73 KiB
 * subtree answer brotli 2 takes ~0.5 ms against ~2.2 ms at 5 for a body 4 % larger (10.5 vs 10.1
 * KiB), gzip 3 about half of gzip 6's time. `best` is for files compressed once and kept.
 */
export function compress(body: Buffer, encoding: Encoding, quality: "fast" | "best" = "fast"): Buffer {
  if (encoding === "gzip") return gzipSync(body, { level: quality === "best" ? 9 : 3 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality === "best" ? 11 : 2,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** A strong validator of a body's bytes. */
function etagOf(body: Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** True when the request's If-None-Match names `etag` (or `*`). */
export function matchesEtag(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === etag || t === "*");
}

/** A body with its compressed forms, made on first demand and kept. */
export class Variants {
  private readonly forms = new Map<Encoding, Buffer>();
  readonly etag: string;
  constructor(readonly identity: Buffer) {
    this.etag = etagOf(identity);
  }
  /** The body and its Content-Encoding (null = identity) for a request. */
  pick(encoding: Encoding | null): { body: Buffer; encoding: Encoding | null } {
    if (!encoding || this.identity.length < MIN_COMPRESS_BYTES)
      return { body: this.identity, encoding: null };
    let form = this.forms.get(encoding);
    if (!form) {
      form = compress(this.identity, encoding);
      this.forms.set(encoding, form);
    }
    return { body: form, encoding };
  }
}
