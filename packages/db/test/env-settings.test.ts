import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseSettingsFromEnv } from "../src/index.ts";

describe("databaseSettingsFromEnv", () => {
  const dir = mkdtempSync(join(tmpdir(), "ybplan-env-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pem = join(dir, "ca.pem");
  writeFileSync(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
  const notPem = join(dir, "ca.txt");
  writeFileSync(notPem, "hello");

  it("reads pool size, timeouts and TLS with a CA", () => {
    expect(
      databaseSettingsFromEnv({
        YBPLAN_DB_POOL_SIZE: "25",
        YBPLAN_DB_STATEMENT_TIMEOUT_MS: "30000",
        YBPLAN_DB_CONNECT_TIMEOUT_S: "5",
        YBPLAN_DB_SSLMODE: "verify-full",
        YBPLAN_DB_CA_FILE: pem,
      }),
    ).toEqual({
      ok: true,
      settings: {
        maxConnections: 25,
        statementTimeoutMs: 30000,
        connectTimeoutSeconds: 5,
        ssl: { mode: "verify-full", ca: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n" },
      },
    });
    expect(databaseSettingsFromEnv({})).toEqual({
      ok: true,
      settings: {
        maxConnections: undefined,
        statementTimeoutMs: undefined,
        connectTimeoutSeconds: undefined,
        ssl: undefined,
      },
    });
  });

  it("names every bad setting in Chinese", () => {
    const r = databaseSettingsFromEnv({
      YBPLAN_DB_POOL_SIZE: "1000",
      YBPLAN_DB_STATEMENT_TIMEOUT_MS: "1.5",
      YBPLAN_DB_SSLMODE: "require",
      YBPLAN_DB_CA_FILE: pem,
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        "YBPLAN_DB_POOL_SIZE 应为 1–200 之间的整数，现为「1000」",
        "YBPLAN_DB_STATEMENT_TIMEOUT_MS 应为 100–86400000 之间的整数，现为「1.5」",
        "YBPLAN_DB_CA_FILE 仅在 YBPLAN_DB_SSLMODE=verify-full 时使用",
      ],
    });
    expect(databaseSettingsFromEnv({ YBPLAN_DB_SSLMODE: "verify-full", YBPLAN_DB_CA_FILE: notPem })).toEqual({
      ok: false,
      errors: [`YBPLAN_DB_CA_FILE 不是 PEM 证书：${notPem}`],
    });
    expect(
      databaseSettingsFromEnv({
        YBPLAN_DB_SSLMODE: "verify-full",
        YBPLAN_DB_CA_FILE: join(dir, "missing.pem"),
      }),
    ).toEqual({ ok: false, errors: [`无法读取 YBPLAN_DB_CA_FILE：${join(dir, "missing.pem")}`] });
  });
});
