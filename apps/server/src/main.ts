import { resolve } from "node:path";
import { databaseSettingsFromEnv } from "@ybplan/db";
import { jsonLogger } from "./log.ts";
import { startServer } from "./server.ts";

/**
 * `pnpm start` / `pnpm -F @ybplan/server start`. Environment: PORT (3000), YBPLAN_DATA_DIR
 * (./.ybplan-data, the embedded database), DATABASE_URL (PostgreSQL instead), YBPLAN_ADMIN_PASSWORD
 * (the seeded admin's password), YBPLAN_HOST, YBPLAN_TRUST_PROXY=1 (client address and https from
 * X-Forwarded-*), YBPLAN_COOKIE_SECURE=1 (or YBPLAN_SECURE_COOKIES=1), YBPLAN_ALLOWED_ORIGINS
 * (comma-separated origins, besides this server's own, that may call mutations); PostgreSQL:
 * YBPLAN_DB_POOL_SIZE, YBPLAN_DB_STATEMENT_TIMEOUT_MS, YBPLAN_DB_CONNECT_TIMEOUT_S,
 * YBPLAN_DB_SSLMODE, YBPLAN_DB_CA_FILE (see `databaseSettingsFromEnv`); YBPLAN_JOBS_TICK_MS;
 * YBPLAN_CACHE_COHERENCE=poll behind a pooler that cannot LISTEN (PgBouncer transaction mode).
 */
const log = jsonLogger({ service: "ybplan-server" });
const env = process.env;
const port = Number(env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT 无效：${env.PORT}`);
  process.exit(2);
}
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? undefined : resolve(env.YBPLAN_DATA_DIR || ".ybplan-data");
const dbSettings = databaseSettingsFromEnv(env);
if (!dbSettings.ok) {
  for (const error of dbSettings.errors) console.error(`配置错误：${error}`);
  process.exit(2);
}

try {
  const server = await startServer({
    port,
    host: env.YBPLAN_HOST,
    dataDir,
    databaseUrl,
    database: dbSettings.settings,
    coherence: env.YBPLAN_CACHE_COHERENCE === "poll" ? "poll" : "notify",
    adminPassword: env.YBPLAN_ADMIN_PASSWORD || undefined,
    log,
    trustProxy: env.YBPLAN_TRUST_PROXY === "1",
    secureCookies: env.YBPLAN_COOKIE_SECURE === "1" || env.YBPLAN_SECURE_COOKIES === "1",
    warmUp: true,
    allowedOrigins: (env.YBPLAN_ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  });
  if (server.seed.generatedAdminPassword) {
    // Printed once, to the console only: it is not stored anywhere in clear.
    process.stdout.write(
      `\n  首次启动：已创建管理员账号 admin，一次性密码：${server.seed.generatedAdminPassword}\n  （首次登录后须修改密码；此密码不会再次显示）\n\n`,
    );
  }
  process.stdout.write(
    `\n  ybplan 已启动：${server.url}/  （数据库：${databaseUrl ? "PostgreSQL" : dataDir}）\n\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("server.stopping", { signal });
    server.close().then(
      () => process.exit(0),
      (e) => {
        log.error("server.close.failed", { message: e instanceof Error ? e.message : String(e) });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
} catch (e) {
  log.error("server.start.failed", { message: e instanceof Error ? e.message : String(e) });
  const message = e instanceof Error ? e.message : String(e);
  const unreachable = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|CONNECT_TIMEOUT|timeout/i.test(
    `${message} ${(e as { code?: string }).code ?? ""}`,
  );
  console.error(`启动失败：${unreachable && databaseUrl ? `无法连接数据库（${message}）` : message}`);
  process.exit(1);
}
