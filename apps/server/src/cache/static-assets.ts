import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  compress,
  type Encoding,
  MIN_COMPRESS_BYTES,
  matchesEtag,
  negotiateEncoding,
} from "./compression.ts";

/**
 * Sends a file of the built admin app: text assets compressed — the `.br`/`.gz` written beside
 * them at build time (apps/admin/vite.config.ts), else compressed once here and kept in memory —
 * with an ETag from size and modification time (index.html is revalidated on every load).
 */
const compressible = /^(text\/|application\/(json|javascript)|image\/svg\+xml)/;

interface Kept {
  readonly mtimeMs: number;
  readonly forms: Map<Encoding, Buffer>;
}
const kept = new Map<string, Kept>();

export function sendStaticFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string>,
): void {
  const stat = statSync(file);
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  res.setHeader("etag", etag);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  const type = headers["content-type"] ?? "";
  const canCompress = compressible.test(type) && stat.size >= MIN_COMPRESS_BYTES;
  if (canCompress) res.setHeader("vary", "accept-encoding");
  if (matchesEtag(req, etag)) {
    res.statusCode = 304;
    res.removeHeader("content-type");
    res.end();
    return;
  }
  const encoding = canCompress ? negotiateEncoding(req) : null;
  const body = encoding ? compressedForm(file, stat.mtimeMs, encoding) : readFileSync(file);
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.length);
  res.statusCode = 200;
  res.end(req.method === "HEAD" ? undefined : body);
}

function compressedForm(file: string, mtimeMs: number, encoding: Encoding): Buffer {
  let entry = kept.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) {
    entry = { mtimeMs, forms: new Map() };
    kept.set(file, entry);
  }
  let form = entry.forms.get(encoding);
  if (!form) {
    const sibling = `${file}.${encoding === "br" ? "br" : "gz"}`;
    form =
      existsSync(sibling) && statSync(sibling).mtimeMs >= mtimeMs
        ? readFileSync(sibling)
        : compress(readFileSync(file), encoding);
    entry.forms.set(encoding, form);
  }
  return form;
}
