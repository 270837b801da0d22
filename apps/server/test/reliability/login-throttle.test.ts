import { MAX_ACCOUNT_FAILURES, MAX_ADDRESS_FAILURES, MAX_FAILURES } from "@ybplan/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/index.ts";
import { ADMIN_PASSWORD, backends } from "../utils/backends.ts";
import { type Client, failure, loggedIn } from "../utils/client.ts";

/**
 * Login throttling as an attacker meets it: batches, parallel attempts, many usernames from one
 * address, one username from many addresses. The server trusts X-Forwarded-For here so each test
 * speaks from its own address.
 */
describe.each(backends)("login throttling on $name", (backend) => {
  let server: RunningServer;
  let admin: Client;

  beforeAll(async () => {
    server = await backend.start({ trustProxy: true });
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
  });
  afterAll(() => server?.close());

  const login = (username: string, password: string, address: string) =>
    fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ username, password }),
    });
  const rows = <R extends Record<string, unknown>>(sql: string) =>
    server.database.rawTransaction((tx) => tx.query<R>(sql));
  const codeOf = async (res: Response) =>
    ((await res.json()) as { error?: { data: { code: string } } }).error?.data.code ?? "OK";
  const addUser = (username: string, password: string) =>
    admin.users.create.mutate({
      username,
      displayName: username,
      role: "viewer",
      jurisdictionCode: null,
      password,
    });

  it("refuses a batch of 200 logins before checking any of them", async () => {
    await addUser("batched", "Right-pass-1");
    const calls = Array.from({ length: 200 }, (_, i) => ({
      username: "batched",
      password: i === 199 ? "Right-pass-1" : `wrong-${i}`,
    }));
    const input = Object.fromEntries(calls.map((c, i) => [String(i), c]));
    const res = await fetch(`${server.url}/trpc/${calls.map(() => "auth.login").join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.0.0.1" },
      body: JSON.stringify(input),
    });
    expect(res.status).toBe(413);
    expect(res.headers.getSetCookie()).toEqual([]);
    // Even a batch within the length limit may not carry a credential call.
    const two = await fetch(`${server.url}/trpc/auth.login,auth.login?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.0.0.1" },
      body: JSON.stringify({ 0: calls[0], 1: calls[199] }),
    });
    expect(two.status).toBe(400);
    const body = (await two.json()) as { error: { message: string } }[];
    expect(body).toHaveLength(2);
    expect(body[0]!.error.message).toBe("登录与修改密码请求不能批量发送");
    expect(two.headers.getSetCookie()).toEqual([]);
    expect(await rows("SELECT id FROM login_attempts WHERE username = 'batched'")).toEqual([]);
  });

  it("counts 50 parallel attempts one by one: at most the limit is checked, the rest refused", async () => {
    await addUser("parallel", "Right-pass-1");
    const codes = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => codeOf(await login("parallel", `wrong-${i}`, "10.0.0.2"))),
    );
    const checked = codes.filter((c) => c === "UNAUTHORIZED").length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS").length).toBe(50 - checked);
    // The right password is refused too while the lock lasts.
    const right = await login("parallel", "Right-pass-1", "10.0.0.2");
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
  });

  it("lets 20 simultaneous correct logins of one account through (they queue, not fail)", async () => {
    await addUser("sharedaccount", "Right-pass-1");
    const codes = await Promise.all(
      Array.from({ length: 20 }, async () =>
        codeOf(await login("sharedaccount", "Right-pass-1", "10.0.0.9")),
      ),
    );
    expect(codes.every((c) => c === "OK")).toBe(true);
  });

  it("throttles one address trying many usernames", async () => {
    await addUser("bystander", "Right-pass-1");
    const codes: string[] = [];
    for (let i = 0; i < MAX_ADDRESS_FAILURES + 5; i++) {
      codes.push(await codeOf(await login(`guess${i}`, "Password-1", "10.0.0.3")));
    }
    expect(codes.slice(0, MAX_ADDRESS_FAILURES).every((c) => c === "UNAUTHORIZED")).toBe(true);
    expect(codes.slice(MAX_ADDRESS_FAILURES).every((c) => c === "TOO_MANY_REQUESTS")).toBe(true);
    // That address is shut for everyone; another address is not.
    expect(await codeOf(await login("bystander", "Right-pass-1", "10.0.0.3"))).toBe("TOO_MANY_REQUESTS");
    expect(await codeOf(await login("bystander", "Right-pass-1", "10.0.0.4"))).toBe("OK");
  });

  it("throttles one username tried from many addresses, and audits the lock", async () => {
    await addUser("target", "Right-pass-1");
    const codes: string[] = [];
    for (let i = 0; i < MAX_ACCOUNT_FAILURES + 2; i++) {
      codes.push(await codeOf(await login("target", `wrong-${i}`, `10.1.0.${i + 1}`)));
    }
    expect(codes.slice(0, MAX_ACCOUNT_FAILURES).every((c) => c === "UNAUTHORIZED")).toBe(true);
    expect(codes.slice(MAX_ACCOUNT_FAILURES).every((c) => c === "TOO_MANY_REQUESTS")).toBe(true);
    const refused = await login("target", "Right-pass-1", "10.1.1.1");
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as {
      error: { message: string; data: { retryAfterSeconds: number } };
    };
    expect(body.error.message).toMatch(/^登录失败次数过多/);
    expect(body.error.data.retryAfterSeconds).toBeGreaterThan(60);

    const locks = await rows<{ entity: string; entity_id: string }>(
      "SELECT entity, entity_id FROM audit_log WHERE action = 'loginLocked' AND entity_id IN ('target', '10.0.0.3')",
    );
    expect(locks.map((l) => `${l.entity}:${l.entity_id}`).sort()).toEqual([
      "loginAccount:target",
      "loginAddress:10.0.0.3",
    ]);
  });

  it("lifts the lock when the window has passed, and audits the lifting", async () => {
    await addUser("lifted", "Right-pass-1");
    for (let i = 0; i <= MAX_FAILURES; i++) await login("lifted", `wrong-${i}`, "10.0.0.5");
    expect(await codeOf(await login("lifted", "Right-pass-1", "10.0.0.5"))).toBe("TOO_MANY_REQUESTS");
    // Age the attempts past the window (as if 16 minutes had gone by).
    await rows("UPDATE login_attempts SET at = now() - interval '16 minutes' WHERE username = 'lifted'");
    expect(await codeOf(await login("lifted", "Right-pass-1", "10.0.0.5"))).toBe("OK");
    const audit = await rows<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = 'lifted'");
    expect(audit.map((r) => r.action).sort()).toEqual(["loginLocked", "loginUnlocked"]);
  });

  it("slows repeated failures down progressively", async () => {
    await addUser("slowed", "Right-pass-1");
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      expect((await failure(admin.auth.login.mutate({ username: "slowed", password: "x" }))).code).toBe(
        "UNAUTHORIZED",
      );
      times.push(performance.now() - started);
    }
    // The third failure waits 0.25 s, the fourth 0.5 s (failureDelayMs; the first two none). Only
    // lower bounds: how fast an undelayed answer comes depends on the machine's load.
    expect(times[2]!).toBeGreaterThanOrEqual(250);
    expect(times[3]!).toBeGreaterThanOrEqual(500);
  });
});
