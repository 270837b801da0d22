import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  backupToFile,
  migrate,
  openDatabase,
  type RawTransaction,
  restoreFromFile,
  summarizeDatabase,
} from "@ybplan/db";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/index.ts";
import { ADMIN_PASSWORD } from "../utils/backends.ts";
import { loggedIn } from "../utils/client.ts";

/**
 * Backup → restore of a real server's database (five imported plans, users, sessions, audit):
 * the restored copy is hash-equal table by table (row counts and content hashes), and a server
 * started on it works. Generated audit rows grow the database to YBPLAN_RELIABILITY_BACKUP_MB MB
 * (pg_database_size, WAL not counted); in CI (CI=1 or YBPLAN_REQUIRE_POSTGRES=1) the default is
 * 200 MB, the size issue 17 asks the round trip to hold on; a local run defaults to none.
 */
const inCi = process.env.CI === "1" || process.env.YBPLAN_REQUIRE_POSTGRES === "1";
const targetMb = Number(process.env.YBPLAN_RELIABILITY_BACKUP_MB ?? (inCi ? 200 : 0));

const databaseMb = async (tx: RawTransaction) =>
  Number((await tx.query<{ b: string }>("SELECT pg_database_size(current_database())::text AS b"))[0]!.b) /
  1024 /
  1024;

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
      // Audit rows as real edits leave them (≈1.2 KB, JSON not compressible to nothing: random ids),
      // 20,000 per transaction, until the database reaches the target size.
      for (
        let chunk = 0;
        targetMb > 0 && (await server.database.rawTransaction(databaseMb)) < targetMb;
        chunk++
      ) {
        await server.database.rawTransaction((tx) =>
          tx.exec(`INSERT INTO audit_log (actor_name, action, entity, entity_id, jurisdiction_code, before, after)
            SELECT '黄石填报员' || (g % 50), 'update', 'observation', gen_random_uuid()::text, '420200',
                   jsonb_build_object('indicatorId', gen_random_uuid(), 'year', 2021 + g % 5, 'valueNumber', g * 0.37,
                     'note', repeat('说明文字', 40 + g % 20) || gen_random_uuid()::text),
                   jsonb_build_object('indicatorId', gen_random_uuid(), 'year', 2021 + g % 5, 'valueNumber', g * 0.41,
                     'note', repeat('修改后的说明', 40 + g % 20) || gen_random_uuid()::text)
              FROM generate_series(${chunk * 20_000 + 1}, ${(chunk + 1) * 20_000}) g`),
        );
      }
    } finally {
      await server.close();
    }

    const file = join(work, "backup.ybbak");
    const original = await openDatabase({ dataDir: source });
    const sizeMb = await original.rawTransaction(databaseMb);
    expect(sizeMb).toBeGreaterThanOrEqual(targetMb);
    const expected = await original.rawTransaction(summarizeDatabase);
    let started = performance.now();
    const written = await backupToFile(original, file);
    const backupS = (performance.now() - started) / 1000;
    await original.close();
    expect(written.rows).toBe(expected.reduce((n, t) => n + t.rows, 0));
    expect(written.tables).toEqual(expected);

    const copyDir = join(work, "copy");
    const copy = await openDatabase({ dataDir: copyDir });
    await migrate(copy);
    started = performance.now();
    const restoredSummary = await restoreFromFile(copy, file);
    const restoreS = (performance.now() - started) / 1000;
    expect(restoredSummary.sha256).toBe(written.sha256);
    expect(await copy.rawTransaction(summarizeDatabase)).toEqual(expected);
    console.log(
      `backup round trip: database ${sizeMb.toFixed(0)} MB, ${written.rows} rows, file ${(written.bytes / 1024 / 1024).toFixed(0)} MB; backup ${backupS.toFixed(1)} s, restore ${restoreS.toFixed(1)} s`,
    );
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
