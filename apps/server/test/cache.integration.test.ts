import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { namedCache } from "@ybplan/db";
import { isoDateInChina } from "@ybplan/domain/common";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningServer } from "../src/index.ts";
import { ADMIN_PASSWORD, backends } from "./utils/backends.ts";
import { type Client, cookieOf, loggedIn } from "./utils/client.ts";
import { planDocument } from "./utils/fixtures.ts";

/**
 * Per-scope invalidation over real HTTP: a save in one plan recomputes that plan (and the subtrees
 * containing it) and leaves every other cached evaluation — and its cached response bytes — in
 * place; no client sees a stale verdict after the save was acknowledged, under 20 clients.
 */
describe.each(backends)("evaluation caches on $name", (backend) => {
  let server: RunningServer;
  let admin: Client;
  let cookie: string;
  const plans = { a: { id: "", indicator: "" }, b: { id: "", indicator: "" }, c: { id: "", indicator: "" } };
  const YEAR = 2023;

  const matrixUrl = (planId: string) =>
    `${server.url}/trpc/evaluation.matrix?input=${encodeURIComponent(JSON.stringify({ planId, year: YEAR }))}`;
  const subtreeUrl = (code: string) =>
    `${server.url}/trpc/evaluation.subtree?input=${encodeURIComponent(JSON.stringify({ jurisdictionCode: code, year: YEAR }))}`;
  type Matrix = { evaluations: { indicatorId: string; inputs: { actual: number | null } }[] };
  const actualOf = async (planId: string, indicatorId: string) => {
    const res = await fetch(matrixUrl(planId), { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: Matrix } };
    return body.result.data.evaluations.find((e) => e.indicatorId === indicatorId)!.inputs.actual;
  };
  const save = async (p: { id: string; indicator: string }, value: number) => {
    const rows = await admin.observations.list.query({ planId: p.id });
    const current = rows.find((o) => o.indicatorId === p.indicator && o.year === YEAR);
    await admin.observations.upsertYear.mutate({
      planId: p.id,
      year: YEAR,
      rows: [
        { indicatorId: p.indicator, value: { kind: "number", value }, version: current?.version ?? null },
      ],
    });
  };
  const planCache = () => namedCache(server.database.changes, "evaluation.plan").stats;
  const subtreeCache = () => namedCache(server.database.changes, "evaluation.subtree").stats;

  beforeAll(async () => {
    server = await backend.start({ importer: null });
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    cookie = cookieOf(admin)!;
    for (const [key, code, name] of [
      ["a", "420200", "黄石市"],
      ["b", "411300", "南阳市"],
      ["c", "420000", "湖北省"],
    ] as const) {
      const { planId } = await admin.import.commit.mutate({ document: planDocument(code, name) });
      const [first] = await admin.indicators.list.query({ planId });
      plans[key] = { id: planId, indicator: first!.id };
      await save(plans[key], 95);
    }
  });
  afterAll(() => server?.close());

  it("recomputes plan A after a save in A and keeps plan B's cache, under 20 concurrent clients", async () => {
    // Both cached.
    expect(await actualOf(plans.a.id, plans.a.indicator)).toBe(95);
    expect(await actualOf(plans.b.id, plans.b.indicator)).toBe(95);
    for (const code of ["420000", "410000"])
      expect((await fetch(subtreeUrl(code), { headers: { cookie } })).status).toBe(200);
    const keyA = `${plans.a.id}/${YEAR}`;
    const keyB = `${plans.b.id}/${YEAR}`;
    const computesA = planCache().computesByKey.get(keyA) ?? 0;
    const computesB = planCache().computesByKey.get(keyB) ?? 0;
    const subtreeComputes = [...subtreeCache().computesByKey.entries()];
    expect(computesA).toBeGreaterThan(0);
    expect(subtreeComputes.map(([k]) => k.split("/")[0]).sort()).toEqual(["410000", "420000"]);
    const lines = () => namedCache(server.database.changes, "evaluation.planLine").stats.computesByKey;
    const lineOf = (planId: string) =>
      [...lines()].filter(([k]) => k.startsWith(`${planId}/`)).reduce((n, [, v]) => n + v, 0);
    const linesBefore = { a: lineOf(plans.a.id), c: lineOf(plans.c.id) };
    expect(linesBefore.a).toBeGreaterThan(0);
    expect(linesBefore.c).toBeGreaterThan(0);

    // 20 clients read A and B continuously while A is saved; after the save is acknowledged every
    // read of A that starts must show the new value.
    let savedAt = Number.POSITIVE_INFINITY;
    let stop = false;
    const stale: string[] = [];
    const seenB = new Set<number | null>();
    const clients = Array.from({ length: 20 }, async (_, i) => {
      const plan = i % 2 === 0 ? plans.a : plans.b;
      while (!stop) {
        const started = performance.now();
        const actual = await actualOf(plan.id, plan.indicator);
        if (plan === plans.a && started > savedAt && actual !== 97.5)
          stale.push(`read at ${started}: ${actual}`);
        if (plan === plans.b) seenB.add(actual);
      }
    });
    await new Promise((r) => setTimeout(r, 150));
    await save(plans.a, 97.5);
    savedAt = performance.now();
    await new Promise((r) => setTimeout(r, 400));
    stop = true;
    await Promise.all(clients);

    expect(stale).toEqual([]);
    expect(await actualOf(plans.a.id, plans.a.indicator)).toBe(97.5);
    expect([...seenB]).toEqual([95]);
    // A was recomputed (concurrent readers share one computation); B never was.
    const recomputedA = (planCache().computesByKey.get(keyA) ?? 0) - computesA;
    expect(recomputedA).toBeGreaterThanOrEqual(1);
    expect(recomputedA).toBeLessThanOrEqual(3);
    expect(planCache().computesByKey.get(keyB) ?? 0).toBe(computesB);

    // Roll-ups: 湖北省's subtree (contains 黄石市) is recomputed, 河南省's (南阳市) is not; within
    // 湖北省's, only 黄石市's plan is evaluated again (the province's own plan line is reused).
    // Both were read recently, so the save itself recomputed 湖北省's (refresh ahead), before anyone
    // asked for it again: the next reads find it done.
    const before = new Map(subtreeComputes);
    const subtreeCount = (code: string) =>
      [...subtreeCache().computesByKey]
        .filter(([k]) => k.startsWith(`${code}/`))
        .reduce((n, [, v]) => n + v, 0);
    const beforeOf = (code: string) =>
      [...before].filter(([k]) => k.startsWith(`${code}/`)).reduce((n, [, v]) => n + v, 0);
    // The refresh ahead runs in the background: on a busy machine it can take longer than
    // waitFor's default second.
    await vi.waitFor(() => expect(subtreeCount("420000")).toBe(beforeOf("420000") + 1), { timeout: 15_000 });
    expect(subtreeCount("410000")).toBe(beforeOf("410000"));
    for (const code of ["420000", "410000"])
      expect((await fetch(subtreeUrl(code), { headers: { cookie } })).status).toBe(200);
    expect(subtreeCount("420000")).toBe(beforeOf("420000") + 1);
    expect(subtreeCount("410000")).toBe(beforeOf("410000"));
    expect(lineOf(plans.a.id)).toBe(linesBefore.a + 1);
    expect(lineOf(plans.c.id)).toBe(linesBefore.c);
  });

  it("serves a cached result as compressed bytes with an ETag, and 304 when the client has it", async () => {
    const url = matrixUrl(plans.b.id);
    const plain = await fetch(url, { headers: { cookie, "accept-encoding": "identity" } });
    const identity = Buffer.from(await plain.arrayBuffer());
    const etag = plain.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    expect(plain.headers.get("content-encoding")).toBeNull();

    const hitsBefore = server.responses.stats.hits;
    // Node's fetch decodes bodies itself; read the raw bytes through node:http instead.
    const raw = async (encoding: string, extra: Record<string, string> = {}) => {
      const { request } = await import("node:http");
      return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
        (resolve, reject) => {
          const req = request(url, { headers: { cookie, "accept-encoding": encoding, ...extra } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          });
          req.on("error", reject);
          req.end();
        },
      );
    };
    const br = await raw("br, gzip");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(identity)).toBe(true);
    expect(br.body.length).toBeLessThan(identity.length);
    const gz = await raw("gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(identity)).toBe(true);
    expect(br.headers.etag).toBe(etag);
    // Served from the byte cache, not by running the procedure again.
    expect(server.responses.stats.hits).toBeGreaterThanOrEqual(hitsBefore + 2);

    const again = await raw("br", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    // A change to B's data gives a new body and a new ETag.
    await save(plans.b, 96);
    const changed = await raw("br", { "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(await actualOf(plans.b.id, plans.b.indicator)).toBe(96);
  });

  it("checks the session on every cached answer", async () => {
    const other = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    const url = matrixUrl(plans.a.id);
    const otherCookie = cookieOf(other)!;
    expect((await fetch(url, { headers: { cookie: otherCookie } })).status).toBe(200);
    await other.auth.logout.mutate();
    expect((await fetch(url, { headers: { cookie: otherCookie } })).status).toBe(401);
  });

  it("turns a year 逾期 at midnight in Beijing with no data change, cached bytes included", async () => {
    // One minute before and after the next midnight in Beijing (16:00 UTC).
    const day = 86_400_000;
    const midnight = Math.ceil((Date.now() + 8 * 3_600_000) / day) * day - 8 * 3_600_000;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(midnight - 60_000);
      // Signed in at the new time (the session's lifetime counts from it).
      const reviewer = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
      // The deadline is the day that is ending in Beijing.
      const deadline = isoDateInChina(new Date(midnight - 60_000));
      await reviewer.cycle.openWindow.mutate({ year: YEAR, rootCode: "420000", deadline });
      const url = `${server.url}/trpc/cycle.completeness?input=${encodeURIComponent(JSON.stringify({ rootCode: "420000", year: YEAR }))}`;
      const rowOfA = async () => {
        const res = await fetch(url, { headers: { cookie: cookieOf(reviewer)! } });
        expect(res.status).toBe(200);
        const body = (await res.json()) as {
          result: { data: { rows: { planId: string; bucket: string; reminder: string | null }[] } };
        };
        return body.result.data.rows.find((r) => r.planId === plans.a.id);
      };
      expect(await rowOfA()).toMatchObject({ bucket: "notSubmitted", reminder: "dueSoon" });
      const hits = server.responses.stats.hits;
      expect(await rowOfA()).toMatchObject({ bucket: "notSubmitted" });
      expect(server.responses.stats.hits).toBe(hits + 1);
      vi.setSystemTime(midnight + 60_000);
      expect(await rowOfA()).toMatchObject({ bucket: "overdue", reminder: "overdue" });
    } finally {
      vi.useRealTimers();
    }
  });
});
