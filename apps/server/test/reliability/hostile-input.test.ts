import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/index.ts";
import { ADMIN_PASSWORD, backends } from "../utils/backends.ts";
import { type Client, cookieOf, failure, loggedIn } from "../utils/client.ts";

/**
 * Hostile input at the HTTP edge: oversized bodies and fields, batches, form posts, foreign
 * origins, framing; and the one-time password that must be changed before anything else.
 */
describe.each(backends)("hostile input on $name", (backend) => {
  let server: RunningServer;
  let admin: Client;
  let cookie: string;
  let planId: string;
  let indicatorId: string;

  beforeAll(async () => {
    server = await backend.start();
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    cookie = cookieOf(admin)!;
    const plans = await admin.plans.list.query({ pageSize: 1 });
    planId = plans.items[0]!.id;
    indicatorId = (await admin.indicators.list.query({ planId }))[0]!.id;
  });
  afterAll(() => server?.close());

  const post = (
    path: string,
    body: string | FormData | URLSearchParams,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${server.url}/trpc/${path}`, {
      method: "POST",
      headers: {
        cookie,
        ...(typeof body === "string" ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body,
    });
  type ErrorBody = { error: { message: string; data: { code: string; fields: { path: string }[] | null } } };

  it("enforces a one-time password on the server: nothing but changing it, me and logout", async () => {
    const { initialPassword } = await admin.users.create.mutate({
      username: "onetime",
      displayName: "一次性",
      role: "planner",
      jurisdictionCode: "420200",
    });
    const user = await loggedIn(server.url, "onetime", initialPassword!);
    const refused = await failure(user.plans.list.query({}));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe("请先修改初始密码");
    expect((await failure(user.observations.list.query({ planId }))).code).toBe("FORBIDDEN");
    expect((await user.auth.me.query())?.mustChangePassword).toBe(true);
    await user.auth.changePassword.mutate({
      currentPassword: initialPassword!,
      newPassword: "Changed-pass-1",
    });
    expect((await user.plans.list.query({})).total).toBeGreaterThan(0);
  });

  // No time limits here (speed goals live in the benchmarks): a 413 comes from the length alone,
  // and /healthz answers while the 29 MiB body is still on its way.
  it("refuses a 1 MiB username and a 29 MiB id with 413, and stays responsive", async () => {
    const big = await post(
      "auth.login",
      JSON.stringify({ username: "u".repeat(1024 * 1024), password: "x" }),
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as ErrorBody).error.message).toBe("请求内容过大：上限 1 MB");

    const huge = post(
      "plans.update",
      JSON.stringify({ id: "a".repeat(29 * 1024 * 1024), version: 1, data: { title: "x" } }),
    );
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const res = await huge;
    expect(res.status).toBe(413);
  });

  it("refuses a streamed body of unknown length before reading it", async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ username: "admin", password: "x" })));
        controller.close();
      },
    });
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(411);
    expect(((await res.json()) as ErrorBody).error.message).toBe("请求须注明内容长度（Content-Length）");
  });

  it("refuses oversized fields by name, before the database", async () => {
    const longName = await failure(admin.auth.login.mutate({ username: "u".repeat(200), password: "x" }));
    expect(longName.code).toBe("BAD_REQUEST");
    expect(longName.data.fields?.map((f) => f.path)).toEqual(["username"]);
    const longPassword = await failure(
      admin.auth.login.mutate({ username: "admin", password: "p".repeat(10_000) }),
    );
    expect(longPassword.data.fields?.map((f) => f.path)).toEqual(["password"]);

    const note = await failure(
      admin.observations.upsertYear.mutate({
        planId,
        year: 2023,
        rows: [{ indicatorId, value: { kind: "number", value: 97 }, note: "注".repeat(5000), version: null }],
      }),
    );
    expect(note.code).toBe("BAD_REQUEST");
    expect(note.data.fields?.map((f) => f.path)).toEqual(["rows.0.note"]);
    const text = await failure(
      admin.observations.upsertYear.mutate({
        planId,
        year: 2023,
        rows: [{ indicatorId, value: { kind: "text", text: "文".repeat(5000) }, version: null }],
      }),
    );
    expect(text.data.fields?.[0]?.path).toBe("rows.0.value.text");
  });

  it("refuses batches longer than 50 calls", async () => {
    const paths = Array.from({ length: 1000 }, () => "plans.create").join(",");
    const res = await post(`${paths}?batch=1`, JSON.stringify({}));
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorBody[];
    expect(body[0]!.error.message).toBe("批量请求过多：一次最多 50 个调用");
    const ok = await fetch(
      `${server.url}/trpc/${Array.from({ length: 3 }, () => "auth.me").join(",")}?batch=1&input=${encodeURIComponent("{}")}`,
      { headers: { cookie } },
    );
    expect(ok.status).toBe(200);
  });

  it("sends security headers on pages and API answers", async () => {
    for (const path of ["/", "/plans/1", "/healthz", "/trpc/auth.me"]) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("refuses multipart, form-encoded and text/plain posts: a form cannot sign a user out", async () => {
    const form = new FormData();
    form.set("x", "1");
    for (const body of [form, new URLSearchParams({ x: "1" })]) {
      const res = await post("auth.logout", body);
      expect(res.status).toBe(415);
      expect(((await res.json()) as ErrorBody).error.message).toBe("只接受 application/json 格式的请求");
    }
    const plain = await post("auth.logout", "{}", { "content-type": "text/plain" });
    expect(plain.status).toBe(415);
    expect((await admin.auth.me.query())?.username).toBe("admin");
  });

  it("refuses mutations from a foreign origin, accepts its own", async () => {
    const foreign = await post("auth.logout", "{}", { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as ErrorBody).error.message).toBe("拒绝来自其他网站的请求");
    expect((await post("auth.logout", "{}", { origin: "null" })).status).toBe(403);
    expect((await post("auth.logout", "{}", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await admin.auth.me.query())?.username).toBe("admin");
    const own = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
    });
    expect(own.status).toBe(200);
  });
});

describe("Secure session cookie", () => {
  const setCookieOfLogin = async (server: RunningServer, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return res.headers.get("set-cookie") ?? "";
  };

  it("is Secure when configured, or when a trusted proxy reports https; not otherwise", async () => {
    const start = backends[0]!.start;
    const configured = await start({ secureCookies: true, importer: null });
    try {
      expect(await setCookieOfLogin(configured)).toMatch(/; Secure/);
    } finally {
      await configured.close();
    }
    const proxied = await start({ trustProxy: true, importer: null });
    try {
      expect(await setCookieOfLogin(proxied, { "x-forwarded-proto": "https" })).toMatch(/; Secure/);
      expect(await setCookieOfLogin(proxied)).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
    const direct = await start({ importer: null });
    try {
      // An untrusted client cannot make the server believe it is behind TLS (nor the reverse).
      expect(await setCookieOfLogin(direct, { "x-forwarded-proto": "https" })).not.toMatch(/Secure/);
    } finally {
      await direct.close();
    }
  });
});
