import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/index.ts";

/** What an operator and a proxy rely on: /readyz, clear refusals at start. */
const serverDir = fileURLToPath(new URL("..", import.meta.url));

function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: { ...process.env, PORT: "0", YBPLAN_HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const kill = setTimeout(() => child.kill("SIGKILL"), 40_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(kill);
      resolve({ code, output, ms: Date.now() - started });
    }),
  );
}

describe("readiness", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      adminDist: null,
      importer: null,
      adminPassword: "Ready-pass-1",
      jobs: [],
    });
  });
  // The test closes the database itself; closing the server then only stops listening.
  afterAll(() => server?.close().catch(() => {}));

  it("is ready with the database reachable and migrated, and says why not when the database is gone", async () => {
    const ok = await fetch(`${server.url}/readyz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ready" });
    await server.database.close();
    await new Promise((r) => setTimeout(r, 1_100)); // the check is remembered for a second
    const gone = await fetch(`${server.url}/readyz`);
    expect(gone.status).toBe(503);
    expect(((await gone.json()) as { reason: string }).reason).toMatch(/^数据库不可用/);
    // /healthz only says the process is alive.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // An API call fails as "unavailable, retry", not as a server bug.
    const call = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: "ybplan_session=x" } });
    expect(call.status).toBe(503);
    expect(call.headers.get("retry-after")).toBe("5");
  });
});

describe("start-up refusals", () => {
  it("names invalid database settings in Chinese and exits 2", async () => {
    const r = await runMain({
      DATABASE_URL: "postgres://x@127.0.0.1:1/x",
      YBPLAN_DB_POOL_SIZE: "0",
      YBPLAN_DB_SSLMODE: "maybe",
    });
    expect(r.code).toBe(2);
    expect(r.output).toContain("配置错误：YBPLAN_DB_POOL_SIZE 应为 1–200 之间的整数");
    expect(r.output).toContain("配置错误：YBPLAN_DB_SSLMODE 应为 disable、require 或 verify-full");
  });

  it("says it cannot reach the database and exits non-zero within 30 s", async () => {
    const r = await runMain({ DATABASE_URL: "postgres://x@127.0.0.1:1/x", YBPLAN_DB_CONNECT_TIMEOUT_S: "5" });
    expect(r.code).toBe(1);
    expect(r.output).toContain("启动失败：无法连接数据库");
    expect(r.ms).toBeLessThan(30_000);
  });
});
