import { createCaller, createContextInner, systemUser } from "@ybplan/api";
import { namedCache } from "@ybplan/db";
import { lastCompleteYear } from "@ybplan/domain/common";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningServer } from "../src/index.ts";
import { ADMIN_PASSWORD, backends } from "./utils/backends.ts";
import { type Client, loggedIn } from "./utils/client.ts";

/**
 * A server started with `warmUp` (as `main.ts` does) computes the 全国 first screen in the
 * background: the administrator's first request is answered from the cache, with the same figures
 * a cold computation gives.
 */
describe("the first screen computed ahead at start", () => {
  let server: RunningServer;
  const logged: { msg: string; fields: Record<string, unknown> | undefined }[] = [];
  const log = {
    info: (msg: string, fields?: Record<string, unknown>) => logged.push({ msg, fields }),
    warn: (msg: string, fields?: Record<string, unknown>) => logged.push({ msg, fields }),
    error: (msg: string, fields?: Record<string, unknown>) => logged.push({ msg, fields }),
  };
  const national = () => namedCache(server.database.changes, "evaluation.national").stats;

  beforeAll(async () => {
    server = await backends[0]!.start({ warmUp: true, log, jobs: [] });
  });
  afterAll(() => server?.close());

  it("is computed once, in the background, and the administrator's first request finds it", async () => {
    const year = lastCompleteYear();
    await vi.waitFor(() => expect(logged.map((l) => l.msg)).toContain("cache.warmed"), { timeout: 60_000 });
    expect(logged.find((l) => l.msg === "cache.warmed")?.fields).toMatchObject({ year, plans: 5 });
    expect(national().computes).toBe(1);

    const admin: Client = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    const hits = national().hits;
    const warm = await admin.evaluation.national.query({ year });
    expect(national().computes).toBe(1);
    expect(national().hits).toBe(hits + 1);
    expect(warm.totals.plans).toBe(5);

    // The same figures as a computation from nothing (in process: the HTTP layer keeps the bytes).
    namedCache(server.database.changes, "evaluation.national").clear();
    namedCache(server.database.changes, "evaluation.planLine").clear();
    const cold = await createCaller(
      createContextInner({ database: server.database, user: systemUser("测试") }),
    ).evaluation.national({ year });
    expect(national().computes).toBe(2);
    expect(cold).toEqual(warm);
  });
});
