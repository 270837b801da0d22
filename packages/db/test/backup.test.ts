import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { BackupFileError, backupToFile, restoreFromFile, summarizeDatabase } from "../src/backup/index.ts";
import { type Database, openDatabase } from "../src/client.ts";
import { migrate } from "../src/migrate.ts";
import { createTestDatabase, postgresTestUrl } from "../src/testing.ts";

/**
 * Streaming backup → restore on real databases: the restored database is hash-equal table by
 * table, self-referencing rows and awkward values survive, and a damaged file changes nothing.
 */
const dir = mkdtempSync(join(tmpdir(), "ybplan-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fresh(): Promise<Database> {
  const database = await openDatabase();
  await migrate(database);
  return database;
}

async function fill(database: Database, observationsPerIndicator: number): Promise<void> {
  await database.rawTransaction(async (tx) => {
    await tx.exec(`
      INSERT INTO jurisdictions (code, name, level, parent_code) VALUES ('420000', '湖北省', 'province', NULL);
      INSERT INTO jurisdictions (code, name, level, parent_code) VALUES ('420200', '黄石市', 'city', '420000');
    `);
    // A child plan inserted before its parent: restore must cope with in-table references.
    await tx.exec(`
      INSERT INTO plans (id, jurisdiction_code, title, period_start, period_end, baseline_year, parent_plan_id)
        VALUES ('00000000-0000-4000-8000-000000000001', '420200', '子规划', 2021, 2025, 2020, NULL);
      INSERT INTO plans (id, jurisdiction_code, title, period_start, period_end, baseline_year, parent_plan_id)
        VALUES ('ffffffff-0000-4000-8000-000000000001', '420000', $$省级 "规划" 'quoted' $tag$ \\n 换行
第二行$$, 2021, 2025, 2020, NULL);
      UPDATE plans SET parent_plan_id = 'ffffffff-0000-4000-8000-000000000001' WHERE id = '00000000-0000-4000-8000-000000000001';
    `);
    await tx.exec(`
      INSERT INTO indicators (plan_id, key, position, category, name, unit, baseline, target, target_kind, attribute, direction)
      SELECT '00000000-0000-4000-8000-000000000001', 'k' || g, g, '参保', '指标' || g, '%',
             '{"text":"96"}'::jsonb, '{"text":"≥97%"}'::jsonb, 'threshold', 'binding', 'higher'
        FROM generate_series(1, 20) g;
      INSERT INTO observations (indicator_id, year, value_kind, value_number, note)
      SELECT i.id, 1900 + g, 'number', g * 0.1 + 1e-9, CASE WHEN g % 3 = 0 THEN NULL ELSE '注释' || g END
        FROM indicators i, generate_series(1, ${observationsPerIndicator}) g;
    `);
  });
}

describe("streaming backup and restore (PGlite)", () => {
  let source: Database;
  let target: Database;
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it("round-trips hash-equal, table by table, into another database", async () => {
    source = await fresh();
    await fill(source, 150);
    const file = join(dir, "a.ybbak");
    const summary = await backupToFile(source, file);
    expect(summary.rows).toBeGreaterThan(3000);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    target = await fresh();
    await target.rawTransaction((tx) =>
      tx.exec(
        "INSERT INTO jurisdictions (code, name, level, parent_code) VALUES ('999999', '将被覆盖', 'province', NULL)",
      ),
    );
    const restored = await restoreFromFile(target, file);
    expect(restored.rows).toBe(summary.rows);
    const before = await source.rawTransaction(summarizeDatabase);
    const after = await target.rawTransaction(summarizeDatabase);
    expect(after).toEqual(before);
    const hash = (s: typeof before) => createHash("sha256").update(JSON.stringify(s)).digest("hex");
    expect(hash(after)).toBe(hash(before));
    // Sequences continue after the restored ids.
    await target.rawTransaction((tx) =>
      tx.exec("INSERT INTO login_attempts (username, ip, success) VALUES ('a', 'b', true)"),
    );
  });

  it("restores into a newer schema: a column added since takes its default", async () => {
    const newer = await fresh();
    try {
      await newer.rawTransaction((tx) =>
        tx.exec("ALTER TABLE plans ADD COLUMN later_note text NOT NULL DEFAULT '（新增列）'"),
      );
      const restored = await restoreFromFile(newer, join(dir, "a.ybbak"));
      expect(restored.tables.find((t) => t.table === "plans")?.rows).toBe(2);
      const rows = await newer.rawTransaction((tx) =>
        tx.query<{ later_note: string }>("SELECT later_note FROM plans"),
      );
      expect(rows.map((r) => r.later_note)).toEqual(["（新增列）", "（新增列）"]);
    } finally {
      await newer.close();
    }
  });

  it("refuses a damaged or truncated file and leaves the database as it was", async () => {
    const file = join(dir, "a.ybbak");
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    const beforeRestore = await target.rawTransaction(summarizeDatabase);

    const damaged = join(dir, "damaged.ybbak");
    writeFileSync(damaged, gzipSync(text.replace("注释1", "注释X")));
    await expect(restoreFromFile(target, damaged)).rejects.toBeInstanceOf(BackupFileError);

    const truncated = join(dir, "truncated.ybbak");
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.7)));
    await expect(restoreFromFile(target, truncated)).rejects.toThrow(/不完整|损坏/);

    const foreign = join(dir, "foreign.json");
    writeFileSync(foreign, JSON.stringify({ hello: 1 }));
    await expect(restoreFromFile(target, foreign)).rejects.toThrow("不是 ybplan 备份文件");

    expect(await target.rawTransaction(summarizeDatabase)).toEqual(beforeRestore);
  });
});

const pgUrl = postgresTestUrl();

describe.skipIf(!pgUrl)("streaming backup and restore (PostgreSQL)", () => {
  it("round-trips hash-equal between two PostgreSQL databases, and from PostgreSQL into PGlite", async () => {
    const a = await createTestDatabase(pgUrl!);
    const b = await createTestDatabase(pgUrl!);
    const source = await openDatabase({ databaseUrl: a.url });
    const target = await openDatabase({ databaseUrl: b.url });
    const embedded = await fresh();
    try {
      await migrate(source);
      await migrate(target);
      await fill(source, 40);
      const file = join(dir, "pg.ybbak");
      const written = await backupToFile(source, file);
      await restoreFromFile(target, file);
      expect(await target.rawTransaction(summarizeDatabase)).toEqual(
        await source.rawTransaction(summarizeDatabase),
      );
      // Across engines the rows arrive intact (counts per table; text forms may differ by time zone).
      const restored = await restoreFromFile(embedded, file);
      expect(restored.rows).toBe(written.rows);
    } finally {
      await source.close();
      await target.close();
      await embedded.close();
      await a.drop();
      await b.drop();
    }
  });
});
