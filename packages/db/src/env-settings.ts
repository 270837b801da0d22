import { readFileSync } from "node:fs";
import type { DatabaseOptions } from "./client.ts";

/**
 * PostgreSQL settings from the environment, shared by the server and the CLI so both connect the
 * same way. Each problem is named in Chinese (the operator reads it at start).
 *
 * YBPLAN_DB_POOL_SIZE (1–200, default 10), YBPLAN_DB_STATEMENT_TIMEOUT_MS (≥ 100, default none),
 * YBPLAN_DB_CONNECT_TIMEOUT_S (1–60, default 10), YBPLAN_DB_SSLMODE (disable | require |
 * verify-full; default: the URL's sslmode), YBPLAN_DB_CA_FILE (PEM, with verify-full).
 */
export type DatabaseEnvSettings = Pick<
  DatabaseOptions,
  "maxConnections" | "statementTimeoutMs" | "connectTimeoutSeconds" | "ssl"
>;

export function databaseSettingsFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; settings: DatabaseEnvSettings } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const int = (name: string, min: number, max: number): number | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      errors.push(`${name} 应为 ${min}–${max} 之间的整数，现为「${raw}」`);
      return undefined;
    }
    return n;
  };
  const maxConnections = int("YBPLAN_DB_POOL_SIZE", 1, 200);
  const statementTimeoutMs = int("YBPLAN_DB_STATEMENT_TIMEOUT_MS", 100, 86_400_000);
  const connectTimeoutSeconds = int("YBPLAN_DB_CONNECT_TIMEOUT_S", 1, 60);
  const mode = env.YBPLAN_DB_SSLMODE?.trim() || undefined;
  const caFile = env.YBPLAN_DB_CA_FILE?.trim() || undefined;
  let ssl: DatabaseEnvSettings["ssl"];
  if (mode && !["disable", "require", "verify-full"].includes(mode)) {
    errors.push(`YBPLAN_DB_SSLMODE 应为 disable、require 或 verify-full，现为「${mode}」`);
  } else if (caFile && mode !== "verify-full") {
    errors.push("YBPLAN_DB_CA_FILE 仅在 YBPLAN_DB_SSLMODE=verify-full 时使用");
  } else if (mode === "require" || mode === "verify-full") {
    let ca: string | undefined;
    if (caFile) {
      try {
        ca = readFileSync(caFile, "utf8");
        if (!ca.includes("-----BEGIN CERTIFICATE-----"))
          errors.push(`YBPLAN_DB_CA_FILE 不是 PEM 证书：${caFile}`);
      } catch {
        errors.push(`无法读取 YBPLAN_DB_CA_FILE：${caFile}`);
      }
    }
    ssl = { mode, ca };
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, settings: { maxConnections, statementTimeoutMs, connectTimeoutSeconds, ssl } };
}
