import type { IncomingMessage, ServerResponse } from "node:http";
import { createContextFromRequest } from "@ybplan/api";
import { type CacheUse, cacheUse, type Database, dataGenerationOf } from "@ybplan/db";
import { isoDateInChina } from "@ybplan/domain/common";
import { matchesEtag, negotiateEncoding, Variants } from "./compression.ts";

/**
 * The bytes of `/trpc` responses. Every response is compressed (brotli/gzip) and a GET answered
 * 200 gets an ETag (304 when the client has it). Responses of read-only evaluation procedures are
 * kept as compressed bytes per (role, scope root, URL) and served without running the procedure
 * while none of the data scopes they were computed from changed (`database.changes`, coherent
 * across processes) — the user's session is still checked on every request.
 */
// cycle.completeness: the reviewer's subtree completeness view (issue 13), same scoping;
// evaluation.national: the 全国 first screen (every province's line).
const CACHEABLE = new Set([
  "evaluation.subtree",
  "evaluation.matrix",
  "cycle.completeness",
  "evaluation.national",
]);

interface Entry {
  stamp: number;
  readonly scopes: readonly string[];
  readonly variants: Variants;
  readonly contentType: string;
}

interface ResponseCacheStats {
  hits: number;
  misses: number;
  notModified: number;
}

export interface TrpcResponses {
  readonly stats: ResponseCacheStats;
  /** Answers a `/trpc` request, running `handler` (tRPC) unless a valid cached body exists. */
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    handler: (req: IncomingMessage, res: ServerResponse) => void,
  ): void;
}

function proceduresOf(url: string): string[] {
  const path = url.split("?")[0] ?? "";
  const rest = path.replace(/^\/trpc\/?/, "");
  return rest ? rest.split(",").map((p) => decodeURIComponent(p)) : [];
}

export interface TrpcResponsesOptions {
  readonly limit?: number;
  /**
   * Coherence without LISTEN (e.g. behind PgBouncer in transaction mode): read the database's
   * change counter (migration 0002) on every request and drop every cache when it moved.
   */
  readonly pollChanges?: boolean;
  /** True while the database cannot be reached: a failure is then answered 503 (retry later). */
  readonly databaseDown?: () => Promise<boolean>;
}

export function trpcResponses(database: Database, options: TrpcResponsesOptions = {}): TrpcResponses {
  const limit = options.limit ?? 300;
  const entries = new Map<string, Entry>();
  const stats: ResponseCacheStats = { hits: 0, misses: 0, notModified: 0 };
  let generation: number | null = null;
  const poll = async () => {
    const n = await dataGenerationOf(database.db);
    if (generation !== null && n !== generation) database.changes.dropAll();
    generation = n;
  };

  const cacheKeyOf = async (req: IncomingMessage): Promise<string | null> => {
    const procedures = proceduresOf(req.url ?? "");
    if (req.method !== "GET" || procedures.length === 0 || !procedures.every((p) => CACHEABLE.has(p)))
      return null;
    const { user } = await createContextFromRequest({ database, cookieHeader: req.headers.cookie });
    if (!user) return null;
    // What authorisation of these procedures depends on: role and scope root (and the forced
    // password change, which refuses every procedure). And the day in Beijing: 逾期 and the
    // reminders turn at midnight there without any data changing.
    return `${isoDateInChina(new Date())}|${user.role}|${user.jurisdictionCode ?? ""}|${user.mustChangePassword ? 1 : 0}|${req.url}`;
  };

  const run = async (
    req: IncomingMessage,
    res: ServerResponse,
    handler: (req: IncomingMessage, res: ServerResponse) => void,
  ) => {
    if (options.pollChanges) await poll();
    // A read must see every write committed before it, including other processes' (whose
    // notifications may still be on their way): flush them before any cache is consulted.
    else if (req.method === "GET") await database.changes.sync();
    const key = await cacheKeyOf(req);
    if (key) {
      const hit = entries.get(key);
      if (hit && database.changes.unchangedSince(hit.stamp, hit.scopes)) {
        hit.stamp = database.changes.stamp();
        stats.hits++;
        res.statusCode = 200;
        res.setHeader("content-type", hit.contentType);
        send(req, res, hit.variants, res.end.bind(res), stats);
        return;
      }
      entries.delete(key);
      stats.misses++;
    }
    const records: CacheUse[] = [];
    const chunks: Buffer[] = [];
    const end = res.end.bind(res);
    const write = res.write.bind(res);
    // tRPC writes the body with write() then end(); collect it, then send it compressed.
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      chunks.push(toBuffer(chunk, encoding));
      const done = typeof encoding === "function" ? encoding : cb;
      if (typeof done === "function") queueMicrotask(() => (done as () => void)());
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function")
        chunks.push(toBuffer(chunk, encoding));
      res.write = write;
      res.end = end;
      const body = Buffer.concat(chunks);
      const status = res.statusCode;
      if (status >= 500 && options.databaseDown) {
        void options.databaseDown().then(
          (down) => {
            if (down) markUnavailable(res);
            sendPlain(req, res, body, end);
          },
          () => sendPlain(req, res, body, end),
        );
      } else if (status !== 200 || req.method !== "GET") {
        sendPlain(req, res, body, end);
      } else {
        const variants = new Variants(body);
        if (key && !res.hasHeader("set-cookie")) remember(key, records, variants, res);
        send(req, res, variants, end, stats);
      }
      const done = [chunk, encoding, cb].find((a) => typeof a === "function");
      if (typeof done === "function") res.once("finish", done as () => void);
      return res;
    }) as typeof res.end;
    cacheUse.run(records, () => handler(req, res));
  };

  const remember = (key: string, records: readonly CacheUse[], variants: Variants, res: ServerResponse) => {
    // Every cached value this response was made of must be known, with the scopes it read.
    if (records.length === 0 || records.some((r) => r.scopes === null)) return;
    const stamp = Math.min(...records.map((r) => r.stamp));
    const scopes = [...new Set(records.flatMap((r) => r.scopes ?? []))];
    if (!database.changes.unchangedSince(stamp, scopes)) return;
    entries.set(key, {
      stamp,
      scopes,
      variants,
      contentType: String(res.getHeader("content-type") ?? "application/json"),
    });
    if (entries.size > limit) entries.delete(entries.keys().next().value!);
  };

  return {
    stats,
    handle: (req, res, handler) => {
      run(req, res, handler).catch(async () => {
        const down = (await options.databaseDown?.().catch(() => false)) ?? false;
        if (!res.headersSent) {
          res.writeHead(down ? 503 : 500, {
            "content-type": "text/plain; charset=utf-8",
            ...(down ? { "retry-after": "5" } : {}),
          });
        }
        res.end(down ? "数据库暂时不可用，请稍后重试" : "服务器内部错误");
      });
    },
  };
}

/** The database is away: a client (or nginx) should retry shortly, not treat it as a bug. */
function markUnavailable(res: ServerResponse): void {
  res.statusCode = 503;
  res.setHeader("retry-after", "5");
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

type End = (chunk?: Buffer) => unknown;

/** 200 to a GET: ETag, revalidation on every use (the data may change any time), compressed. */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  variants: Variants,
  end: End,
  stats: ResponseCacheStats,
) {
  res.setHeader("etag", variants.etag);
  res.setHeader("vary", "accept-encoding");
  if (!res.hasHeader("cache-control")) res.setHeader("cache-control", "private, no-cache");
  if (matchesEtag(req, variants.etag)) {
    stats.notModified++;
    res.statusCode = 304;
    res.removeHeader("content-type");
    res.removeHeader("content-length");
    end();
    return;
  }
  const { body, encoding } = variants.pick(negotiateEncoding(req));
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.length);
  end(body);
}

function sendPlain(req: IncomingMessage, res: ServerResponse, identity: Buffer, end: End) {
  const { body, encoding } = new Variants(identity).pick(negotiateEncoding(req));
  res.setHeader("vary", "accept-encoding");
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.length);
  end(body);
}
