import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import {
  appRouter,
  createContextFromRequest,
  type Logger,
  type PlanImporter,
  type SeedResult,
  setUpDatabase,
  silentLogger,
  warmFirstScreen,
} from "@ybplan/api";
import { type Database, type DatabaseEnvSettings, openDatabase } from "@ybplan/db";
import { type TrpcResponses, trpcResponses } from "./cache/index.ts";
import { planImporter } from "./importer.ts";
import { type JobRunner, registeredJobs, type ScheduledJob, startJobs } from "./jobs/index.ts";
import { readinessCheck } from "./readiness.ts";
import {
  applySecurityHeaders,
  bodyLimitOf,
  checkTrpcRequest,
  DEFAULT_BODY_LIMIT,
  isSecureRequest,
  LARGEST_BODY_LIMIT,
  proceduresOf,
  sendRefusal,
} from "./security/index.ts";
import { staticHandler } from "./static-files.ts";

/**
 * One Node process: `/trpc` (the API), `/healthz`, and the built admin app at `/`. Opens the
 * database (PGlite data dir, in memory, or PostgreSQL), migrates, seeds an empty database,
 * listens. `close()` stops accepting, lets requests in flight finish, then closes the database.
 */
export interface StartServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string | undefined;
  /** PGlite data directory; omit (with no databaseUrl) for an in-memory database. */
  readonly dataDir?: string | undefined;
  readonly databaseUrl?: string | undefined;
  /**
   * How caches learn of other processes' writes on PostgreSQL: "notify" (LISTEN/NOTIFY, default)
   * or "poll" (a counter query per API request, for poolers without LISTEN).
   */
  readonly coherence?: "notify" | "poll" | undefined;
  /** PostgreSQL pool size, timeouts and TLS (`databaseSettingsFromEnv`). */
  readonly database?: DatabaseEnvSettings | undefined;
  /** Password of the seeded `admin` (else one is generated and reported once). */
  readonly adminPassword?: string | undefined;
  /** Reads uploaded plan documents (and the sample plans at seeding); default @ybplan/importer, null = none. */
  readonly importer?: PlanImporter | null | undefined;
  /** Built admin app; defaults to apps/admin/dist. */
  readonly adminDist?: string | null | undefined;
  readonly log?: Logger | undefined;
  /** Mark cookies Secure (behind https). */
  readonly secureCookies?: boolean | undefined;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy), and TLS from X-Forwarded-Proto. */
  readonly trustProxy?: boolean | undefined;
  /** Jobs run through the jobs leader (default: every registered job, see jobs/). */
  readonly jobs?: readonly ScheduledJob[] | undefined;
  /** How often the jobs runner looks for leadership and due jobs (default 5 s). */
  readonly jobTickMs?: number | undefined;
  /** Origins besides the server's own whose pages may call mutations (e.g. a dev server). */
  readonly allowedOrigins?: readonly string[] | undefined;
  /**
   * Compute the 全国 first screen in the background once listening (`warmFirstScreen`): on by
   * default in `main.ts`; tests that count computations leave it off.
   */
  readonly warmUp?: boolean | undefined;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly database: Database;
  readonly seed: SeedResult;
  /** Cached, compressed `/trpc` responses (stats for tests and the bench). */
  readonly responses: TrpcResponses;
  readonly jobs: JobRunner;
  close(): Promise<void>;
}

export const defaultAdminDist = fileURLToPath(new URL("../../admin/dist/", import.meta.url));

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = req.headers["x-forwarded-for"];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? silentLogger;
  const database = await openDatabase({
    ...options.database,
    listen: options.coherence !== "poll",
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
  });
  const importer = options.importer === undefined ? planImporter : options.importer;
  let seed: SeedResult;
  try {
    // Migrations and first-run seeding under one advisory lock: processes may start together.
    const setUp = await setUpDatabase(database, { importer, adminPassword: options.adminPassword, log });
    if (setUp.applied.length) log.info("db.migrated", { applied: setUp.applied });
    seed = setUp.seed;
  } catch (e) {
    await database.close();
    throw e;
  }
  if (seed.seeded) {
    log.info("db.seeded", { plans: seed.plans.length, failures: seed.failures.length, kind: database.kind });
  }

  const trustProxy = options.trustProxy ?? false;
  // Two handlers: ordinary calls stream at most 1 MiB, upload procedures more (security/).
  const trpcHandler = (maxBodySize: number) =>
    createHTTPHandler({
      router: appRouter,
      basePath: "/trpc/",
      maxBodySize,
      createContext: ({ req, res }) =>
        createContextFromRequest({
          database,
          cookieHeader: req.headers.cookie,
          ip: clientIp(req, trustProxy),
          userAgent: req.headers["user-agent"] ?? null,
          setCookie: (cookie) => res.appendHeader("set-cookie", cookie),
          secureCookies: (options.secureCookies ?? false) || isSecureRequest(req, trustProxy),
          importer,
          log,
        }),
      onError: ({ error, path, type }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          const cause = error.cause ?? error;
          log.error("trpc.error", { path, type, message: cause.message, stack: cause.stack });
        } else {
          log.info("trpc.refused", { path, type, code: error.code, message: error.message });
        }
      },
    });
  const trpcSmall = trpcHandler(DEFAULT_BODY_LIMIT);
  const trpcLarge = trpcHandler(LARGEST_BODY_LIMIT);
  const readiness = readinessCheck(database);
  const responses = trpcResponses(database, {
    pollChanges: options.coherence === "poll" && database.kind === "postgres",
    databaseDown: async () => (await readiness()).reason?.startsWith("数据库不可用") ?? false,
  });
  const serveStatic = staticHandler(options.adminDist === undefined ? defaultAdminDist : options.adminDist);
  let draining = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const path = (req.url ?? "/").split("?")[0]!;
    res.on("finish", () => {
      if (path === "/healthz" || path === "/readyz") return; // probes would drown the log
      log.info("http", {
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    try {
      applySecurityHeaders(res);
      if (path === "/healthz") {
        res.writeHead(draining ? 503 : 200, {
          "content-type": "application/json",
          "cache-control": "no-store",
        });
        res.end(JSON.stringify({ status: draining ? "draining" : "ok", db: database.kind }));
        return;
      }
      if (path === "/readyz") {
        // Taken out of rotation while draining, or when the database is away or of another version.
        void readiness().then((r) => {
          const ready = r.ready && !draining;
          res.writeHead(ready ? 200 : 503, {
            "content-type": "application/json",
            "cache-control": "no-store",
          });
          res.end(
            JSON.stringify(
              ready ? { status: "ready" } : { status: "not ready", reason: r.reason ?? "正在停止" },
            ),
          );
        });
        return;
      }
      if (path === "/trpc" || path.startsWith("/trpc/")) {
        const refusal = checkTrpcRequest(req, { trustProxy, allowedOrigins: options.allowedOrigins ?? [] });
        if (refusal) return sendRefusal(req, res, refusal);
        const large = bodyLimitOf(proceduresOf(req.url ?? "/")) > DEFAULT_BODY_LIMIT;
        responses.handle(req, res, large ? trpcLarge : trpcSmall);
        return;
      }
      serveStatic(req, res);
    } catch (e) {
      // Never leak a stack trace to the client.
      log.error("http.error", {
        path,
        message: e instanceof Error ? e.message : String(e),
        stack: e instanceof Error ? e.stack : undefined,
      });
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("服务器内部错误");
    }
  });
  // Idle keep-alive connections stay open longer than a client or proxy keeps them (nginx's
  // upstream keepalive_timeout is 60 s): a server closing first races the client's next request
  // on that socket, which then fails with ECONNRESET (seen from Chromium under load).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  const url = `http://${host}:${port}`;
  log.info("server.listening", { url, db: database.kind });
  const jobs = startJobs(database, options.jobs ?? registeredJobs(), { log, tickMs: options.jobTickMs });
  // Failures are logged, never fatal: the view is then computed by its first reader as usual.
  const warming = options.warmUp
    ? warmFirstScreen(database).then(
        (r) => log.info("cache.warmed", r),
        (e: unknown) =>
          log.warn("cache.warm.failed", { message: e instanceof Error ? e.message : String(e) }),
      )
    : Promise.resolve();

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still running after 10 s are cut; the database must close in any case.
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, 10_000).unref();
      });
      await jobs.stop();
      // The database stays open until the warm-up's queries are done.
      await warming;
      await database.close();
      log.info("server.closed");
    })();
    return closing;
  };
  return { url, port, database, seed, responses, jobs, close };
}
