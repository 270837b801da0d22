import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backupToFile, migrate, openDatabase, restoreFromFile, summarizeDatabase } from "@ybplan/db";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/index.ts";
import { ADMIN_PASSWORD } from "../utils/backends.ts";
import { loggedIn } from "../utils/client.ts";

/**
 * Backup → restore of a real server's database (five imported plans, users, sessions, audit):
 * the restored copy is hash-equal table by table, and a server started on it works.
 * YBPLAN_RELIABILITY_BACKUP_MB adds that many MB of generated audit rows (CI default: none).
 */
const work = mkdtempSync(join(tmpdir(), "ybplan-reliability-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("backup and restore of a server's database (PGlite)", () => {
  it("round-trips hash-equal and the restored database serves", { timeout: 300_000 }, async () => {
    const source = join(work, "source");
    const server = await startServer({
      port: 0,
      adminDist: null,
      adminPassword: ADMIN_PASSWORD,
      dataDir: source,
    });
    try {
      const admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
      const plan = (await admin.plans.list.query({ jurisdictionCode: "420200", pageSize: 1 })).items[0]!;
      const indicators = await admin.indicators.list.query({ planId: plan.id });
      await admin.observations.upsertYear.mutate({
        planId: plan.id,
        year: 2023,
        rows: indicators.slice(0, 5).map((i) => ({
          indicatorId: i.id,
          value: { kind: "number" as const, value: 12.5 },
          note: "含'引号\"与\n换行",
          version: null,
        })),
      });
      const extraMb = Number(process.env.YBPLAN_RELIABILITY_BACKUP_MB ?? 0);
      if (extraMb > 0) {
        await server.database.rawTransaction((tx) =>
          tx.exec(`INSERT INTO audit_log (actor_name, action, entity, entity_id, after)
            SELECT 'gen', 'update', 'observation', g::text, jsonb_build_object('note', repeat('说明', 300))
              FROM generate_series(1, ${Math.ceil(extraMb * 550)}) g`),
        );
      }
    } finally {
      await server.close();
    }

    const file = join(work, "backup.ybbak");
    const original = await openDatabase({ dataDir: source });
    const expected = await original.rawTransaction(summarizeDatabase);
    const written = await backupToFile(original, file);
    await original.close();
    expect(written.rows).toBe(expected.reduce((n, t) => n + t.rows, 0));

    const copyDir = join(work, "copy");
    const copy = await openDatabase({ dataDir: copyDir });
    await migrate(copy);
    await restoreFromFile(copy, file);
    expect(await copy.rawTransaction(summarizeDatabase)).toEqual(expected);
    await copy.close();

    const restored = await startServer({ port: 0, adminDist: null, dataDir: copyDir });
    try {
      expect(restored.seed.seeded).toBe(false);
      const admin = await loggedIn(restored.url, "admin", ADMIN_PASSWORD);
      const plans = await admin.plans.list.query({ pageSize: 50 });
      expect(plans.total).toBe(5);
      const obs = await admin.audit.list.query({ entity: "observation", year: 2023 });
      expect(obs.total).toBeGreaterThanOrEqual(5);
    } finally {
      await restored.close();
    }
  });
});
