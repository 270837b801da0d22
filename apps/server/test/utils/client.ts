import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { AppRouter, ErrorData } from "@ybplan/api";

/** The fetch tRPC's link calls (its init type is tRPC's own, not the DOM's RequestInit). */
type LinkFetch = NonNullable<Parameters<typeof httpLink>[0]["fetch"]>;

/** A tRPC client over real HTTP that keeps its session cookie, like a browser would. */
export function makeClient(baseUrl: string): Client {
  let cookie: string | null = null;
  const cookieFetch: LinkFetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set("cookie", cookie);
    // tRPC's init may carry `signal: undefined`, which fetch's RequestInit spells null.
    const res = await fetch(input, { ...init, headers, signal: init?.signal ?? null });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, value] = pair!.split("=");
      if (name === "ybplan_session") cookie = value ? `${name}=${value}` : null;
    }
    return res;
  };
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, fetch: cookieFetch })],
  });
  // The client is a proxy (every property is a procedure), so the jar lives beside it.
  jars.set(client, { get: () => cookie, set: (c) => (cookie = c) });
  return client;
}
export type Client = ReturnType<typeof createTRPCClient<AppRouter>>;

const jars = new WeakMap<object, { get(): string | null; set(c: string | null): void }>();
export const cookieOf = (c: Client) => jars.get(c)!.get();
export const setCookieOf = (c: Client, value: string | null) => jars.get(c)!.set(value);

export async function loggedIn(baseUrl: string, username: string, password: string): Promise<Client> {
  const c = makeClient(baseUrl);
  await c.auth.login.mutate({ username, password });
  return c;
}

type Shape = { code: string; httpStatus: number } & ErrorData;

/** Runs `p` expecting a tRPC error; returns its code and data. */
export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; data: Shape }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) {
      const data = e.data as Shape;
      return { code: data.code, message: e.message, data };
    }
    throw e;
  }
  throw new Error("expected the call to fail, it succeeded");
}
