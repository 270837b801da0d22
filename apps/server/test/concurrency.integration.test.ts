import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/index.ts";
import { ADMIN_PASSWORD, backends } from "./utils/backends.ts";
import { type Client, loggedIn } from "./utils/client.ts";
import { planDocument } from "./utils/fixtures.ts";

/**
 * 20 clients edit the same three observations at once, each until it has landed ROUNDS writes,
 * re-reading after every conflict (as the admin app does). Every write either lands or gets
 * CONFLICT; none is lost: the final version equals the number of landed writes, the final values
 * are those of the write that produced that version, and the audit holds one entry per landed
 * row change.
 */
const CLIENTS = 20;
const ROUNDS = 2;
const YEAR = 2023;

describe.each(backends)("concurrent edits on $name", (backend) => {
  let server: RunningServer;
  let admin: Client;
  let planId: string;
  let indicatorIds: string[];

  beforeAll(async () => {
    server = await backend.start();
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    planId = (await admin.import.commit.mutate({ document: planDocument("420200", "黄石市") })).planId;
    indicatorIds = (await admin.indicators.list.query({ planId })).map((i) => i.id);
    await admin.users.create.mutate({
      username: "filler",
      displayName: "填报员",
      role: "reporter",
      jurisdictionCode: "420200",
      password: "Filler-pass-1",
    });
  });
  afterAll(() => server?.close());

  it(`${CLIENTS} clients × ${ROUNDS} writes: each lands or conflicts, none is lost`, {
    timeout: 180_000,
  }, async () => {
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, () => loggedIn(server.url, "filler", "Filler-pass-1")),
    );
    const landed: { client: number; round: number; versions: number[]; values: number[] }[] = [];
    let conflicts = 0;
    const unexpected: string[] = [];

    await Promise.all(
      clients.map(async (c, k) => {
        for (let round = 0; round < ROUNDS; ) {
          const current = await c.observations.list.query({ planId, fromYear: YEAR, toYear: YEAR });
          const versionOf = (id: string) => current.find((o) => o.indicatorId === id)?.version ?? null;
          // Unique values per (client, round): an unchanged write would not bump the version.
          const values = [50 + k + round / 10, 40 + k + round / 10, 200 + k * 10 + round];
          try {
            const res = await c.observations.upsertYear.mutate({
              planId,
              year: YEAR,
              rows: indicatorIds.map((indicatorId, i) => ({
                indicatorId,
                value: { kind: "number" as const, value: values[i]! },
                version: versionOf(indicatorId),
              })),
            });
            const versions = indicatorIds.map(
              (id) => res.observations.find((o) => o.indicatorId === id)!.version,
            );
            landed.push({ client: k, round, versions, values });
            round++;
          } catch (e) {
            const code = (e as { data?: { code?: string } }).data?.code;
            if (code === "CONFLICT") conflicts++;
            else {
              unexpected.push(`${code}: ${(e as Error).message}`);
              return;
            }
          }
        }
      }),
    );

    expect(unexpected).toEqual([]);
    expect(landed).toHaveLength(CLIENTS * ROUNDS);
    expect(conflicts).toBeGreaterThan(0); // the clients really raced

    // Each landed write produced a distinct version 1..N of every row, in the same order.
    const n = CLIENTS * ROUNDS;
    for (let i = 0; i < indicatorIds.length; i++) {
      expect(landed.map((l) => l.versions[i]).sort((a, b) => a! - b!)).toEqual(
        Array.from({ length: n }, (_, v) => v + 1),
      );
    }
    const last = landed.find((l) => l.versions[0] === n)!;
    expect(last.versions).toEqual([n, n, n]);

    const final = await admin.observations.list.query({ planId, fromYear: YEAR, toYear: YEAR });
    expect(final.map((o) => [o.indicatorId, o.version, o.value])).toEqual(
      indicatorIds.map((id, i) => [id, n, { kind: "number", value: last.values[i] }]),
    );

    const audit = await admin.audit.list.query({
      entity: "observation",
      jurisdictionCode: "420200",
      pageSize: 200,
    });
    expect(audit.total).toBe(n * indicatorIds.length);
    expect(audit.items.filter((a) => a.action === "create")).toHaveLength(indicatorIds.length);
  });
});
