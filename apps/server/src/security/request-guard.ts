import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Checks a /trpc request before tRPC (and the database) sees it, so hostile input is refused
 * fast and cheaply: batch length, credential calls in batches, body size, content type, and
 * the Origin of state-changing requests (cross-site request forgery).
 */

const MiB = 1024 * 1024;
/** Body limit of an ordinary procedure call (a whole year of one plan's figures fits easily). */
export const DEFAULT_BODY_LIMIT = 1 * MiB;
/** Procedures that take a file (base64 in JSON) or a whole parsed plan document. */
const bodyLimits: Readonly<Record<string, number>> = {
  "import.preview": 28 * MiB, // 20 MiB document, base64
  "import.commit": 8 * MiB,
  "procurement.import": 8 * MiB, // 5 MB table, base64
  "credit.importCompanyEvents": 8 * MiB,
  "attachments.upload": 30 * MiB, // 20 MiB file (+ slack), base64
};
export const LARGEST_BODY_LIMIT = Math.max(DEFAULT_BODY_LIMIT, ...Object.values(bodyLimits));
/** Calls in one batch request. */
const MAX_BATCH = 50;
/** Procedures that carry a password: one per request, so each attempt meets the throttle alone. */
const credentialProcedures = new Set(["auth.login", "auth.changePassword"]);

export interface Refusal {
  readonly status: number;
  readonly code:
    | "BAD_REQUEST"
    | "FORBIDDEN"
    | "PAYLOAD_TOO_LARGE"
    | "UNSUPPORTED_MEDIA_TYPE"
    | "LENGTH_REQUIRED";
  readonly message: string;
}

export interface GuardOptions {
  /** Origins allowed besides the server's own (e.g. the Vite dev server). */
  readonly allowedOrigins?: readonly string[];
  /** Behind a trusted reverse proxy: the public host is in X-Forwarded-Host. */
  readonly trustProxy?: boolean;
}

/** The procedures named in a /trpc URL ("/trpc/a.b,c.d?batch=1" → ["a.b", "c.d"]). */
export function proceduresOf(url: string): string[] {
  const path = url.split("?")[0]!.replace(/^\/trpc\/?/, "");
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep it raw; the names will not match any procedure and tRPC refuses them
  }
  return decoded.split(",").filter((p) => p.length > 0);
}

/** Body limit of a request: the largest limit among its procedures. */
export function bodyLimitOf(procedures: readonly string[]): number {
  return Math.max(DEFAULT_BODY_LIMIT, ...procedures.map((p) => bodyLimits[p] ?? DEFAULT_BODY_LIMIT));
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function checkTrpcRequest(req: IncomingMessage, options: GuardOptions = {}): Refusal | null {
  const procedures = proceduresOf(req.url ?? "/");
  if (procedures.length > MAX_BATCH) {
    return { status: 413, code: "PAYLOAD_TOO_LARGE", message: `批量请求过多：一次最多 ${MAX_BATCH} 个调用` };
  }
  if (procedures.length > 1 && procedures.some((p) => credentialProcedures.has(p))) {
    return { status: 400, code: "BAD_REQUEST", message: "登录与修改密码请求不能批量发送" };
  }
  if (req.method !== "POST") return null;

  const limit = bodyLimitOf(procedures);
  const length = Number(header(req, "content-length") ?? Number.NaN);
  if (Number.isFinite(length) && length > limit) {
    return { status: 413, code: "PAYLOAD_TOO_LARGE", message: `请求内容过大：上限 ${formatSize(limit)}` };
  }
  // A body of unknown length would only be cut off after it was read: browsers and the tRPC
  // client always state it, so a streamed (chunked) body is refused up front.
  if (header(req, "transfer-encoding") !== undefined && !Number.isFinite(length)) {
    return { status: 411, code: "LENGTH_REQUIRED", message: "请求须注明内容长度（Content-Length）" };
  }
  const hasBody = Number.isFinite(length) && length > 0;
  const type = header(req, "content-type")?.split(";")[0]?.trim().toLowerCase();
  // Form posts (multipart, urlencoded, text/plain) are what a foreign page can send without
  // asking; no procedure takes them (files travel as base64 in JSON).
  if (hasBody ? type !== "application/json" : type !== undefined && type !== "application/json") {
    return { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "只接受 application/json 格式的请求" };
  }
  if (!originAllowed(req, options)) {
    return { status: 403, code: "FORBIDDEN", message: "拒绝来自其他网站的请求" };
  }
  return null;
}

/**
 * A browser names the page's origin on every POST; it must be this server (as the client
 * addressed it) or an allowed origin. Requests without Origin come from non-browser clients
 * (the CLI, scripts), which cannot ride on a user's cookie; Sec-Fetch-Site backs the check up.
 */
function originAllowed(req: IncomingMessage, options: GuardOptions): boolean {
  if (header(req, "sec-fetch-site") === "cross-site") return false;
  const origin = header(req, "origin");
  if (origin === undefined) return true;
  if (options.allowedOrigins?.includes(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file://) or garbage
  }
  const own =
    (options.trustProxy ? header(req, "x-forwarded-host")?.split(",")[0]?.trim() : undefined) ??
    header(req, "host");
  return own !== undefined && host === own;
}

const formatSize = (bytes: number) => `${Math.round(bytes / MiB)} MB`;

const rpcCode: Record<Refusal["code"], number> = {
  BAD_REQUEST: -32600,
  FORBIDDEN: -32003,
  PAYLOAD_TOO_LARGE: -32413,
  UNSUPPORTED_MEDIA_TYPE: -32415,
  LENGTH_REQUIRED: -32411,
};

/**
 * Answers a refusal in tRPC's error envelope (one per call of a batch) so the admin app shows the
 * Chinese message as it shows any other error. The body is not read; the connection closes.
 */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const procedures = proceduresOf(req.url ?? "/");
  const error = (path: string | undefined) => ({
    error: {
      message: refusal.message,
      code: rpcCode[refusal.code],
      data: {
        code: refusal.code,
        httpStatus: refusal.status,
        path,
        tag: "RequestRefused",
        fields: null,
        conflict: null,
        retryAfterSeconds: null,
      },
    },
  });
  const batch = /[?&]batch=1(&|$)/.test(req.url ?? "");
  const body = batch ? procedures.map(error) : error(procedures[0]);
  res.writeHead(refusal.status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(JSON.stringify(body));
  // Do not wait for (or buffer) an oversized body.
  req.resume();
}
