import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningServer } from "../src/index.ts";
import { ADMIN_PASSWORD, backends } from "./utils/backends.ts";
import { type Client, loggedIn } from "./utils/client.ts";
import { planDocument } from "./utils/fixtures.ts";

/**
 * A clerk keeps saving a year while a colleague submits it (on PostgreSQL: separate connections,
 * real concurrency). A save and a submit serialise on the year's cycle row: every save either
 * landed before the submit (and is part of what was submitted) or was refused afterwards, naming
 * the submitter. No value ever lands in a submitted year.
 */
const YEAR = 2024;

describe.each(backends)("saves racing a submit on $name", (backend) => {
  let server: RunningServer;
  let planId: string;
  let ids: string[];
  let admin: Client;
  let clerk: Client;
  let colleague: Client;

  beforeAll(async () => {
    server = await backend.start();
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    planId = (await admin.import.commit.mutate({ document: planDocument("420200", "黄石市") })).planId;
    ids = (await admin.indicators.list.query({ planId })).map((i) => i.id);
    for (const [username, displayName] of [
      ["racer-a", "填报员甲"],
      ["racer-b", "填报员乙"],
    ]) {
      await admin.users.create.mutate({
        username: username!,
        displayName: displayName!,
        role: "reporter",
        jurisdictionCode: "420200",
        password: "Racer-pass-1",
      });
    }
    clerk = await loggedIn(server.url, "racer-a", "Racer-pass-1");
    colleague = await loggedIn(server.url, "racer-b", "Racer-pass-1");
    // The binding 参保率 is filled, so the submit has nothing missing.
    await clerk.observations.upsertYear.mutate({
      planId,
      year: YEAR,
      rows: [{ indicatorId: ids[0]!, value: { kind: "number", value: 97.5 }, version: null }],
    });
  });
  afterAll(() => server?.close());

  it("every save lands before the submit or is refused after it", { timeout: 60_000 }, async () => {
    let landed = 0;
    let refusal = "";
    const saves = (async () => {
      // Until refused (the cap only ends a broken run): however fast or slow the machine, the
      // submit lands in the middle of the saves.
      for (let k = 0; k < 10_000; k++) {
        const cur = await clerk.observations.list.query({ planId, fromYear: YEAR, toYear: YEAR });
        try {
          await clerk.observations.upsertYear.mutate({
            planId,
            year: YEAR,
            rows: [
              {
                indicatorId: ids[1]!,
                value: { kind: "number", value: 70 + k / 10 },
                version: cur.find((o) => o.indicatorId === ids[1])?.version ?? null,
              },
            ],
          });
          landed++;
        } catch (e) {
          refusal = (e as Error).message;
          return;
        }
      }
    })();
    await vi.waitFor(() => expect(landed).toBeGreaterThanOrEqual(3), { timeout: 30_000, interval: 5 });
    const submitted = await colleague.cycle.submit.mutate({ planId, year: YEAR });
    await saves;

    expect(submitted.state).toBe("submitted");
    expect(landed).toBeGreaterThan(0);
    expect(refusal).toContain("填报员乙");
    expect(refusal).toContain("提交");

    // In the audit's order, no observation change of the year follows the submit.
    const [submit] = (
      await admin.audit.list.query({ entity: "reportingCycle", action: "submit", planId, pageSize: 10 })
    ).items;
    // Newest first: the newest 200 changes are the ones that could have followed the submit.
    const { items: changes, total } = await admin.audit.list.query({
      entity: "observation",
      planId,
      year: YEAR,
      pageSize: 200,
    });
    expect(submit).toBeDefined();
    expect(total).toBe(landed + 1);
    expect(changes.every((r) => r.id < submit!.id)).toBe(true);

    // What is stored is the last save that landed.
    const stored = (await clerk.observations.list.query({ planId, fromYear: YEAR, toYear: YEAR })).find(
      (o) => o.indicatorId === ids[1],
    );
    expect(stored?.value).toEqual({ kind: "number", value: 70 + (landed - 1) / 10 });
  });
});
