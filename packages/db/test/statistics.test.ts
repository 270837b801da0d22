import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Database, migrate, openDatabase } from "../src/index.ts";

/**
 * PGlite has no autovacuum: without the upkeep the planner never learns table sizes and reads one
 * plan's observations by scanning them all. A bulk of rows makes a table stale; refreshing (or a
 * write transaction, shortly after) analyses it, and the lookup then goes through the index.
 */
describe("planner statistics on PGlite", () => {
  let database: Database;
  let planId: string;
  const raw = (sqlText: string) =>
    database.rawTransaction((tx) => tx.query<Record<string, unknown>>(sqlText));
  const plan = async () =>
    (
      await raw(`EXPLAIN SELECT o.year FROM observations o JOIN indicators i ON i.id = o.indicator_id
                  WHERE i.plan_id = '${planId}' AND o.year <= 2023`)
    )
      .map((r) => String(r["QUERY PLAN"]))
      .join("\n");
  /** The planner's estimate of a table's rows. */
  const estimate = async (table: string) =>
    Number(/rows=(\d+)/.exec(String((await raw(`EXPLAIN SELECT * FROM ${table}`))[0]!["QUERY PLAN"]))![1]);
  const analysed = async (table: string) =>
    (await raw(`SELECT last_analyze FROM pg_stat_user_tables WHERE relname = '${table}'`))[0]?.last_analyze ??
    null;

  beforeAll(async () => {
    database = await openDatabase();
    await migrate(database);
    await database.refreshStatistics();
    // 135 plans (a province's) × 20 indicators × 6 years, loaded as one script (no write transaction of the app).
    await database.rawTransaction(async (tx) => {
      await tx.exec(`
        INSERT INTO jurisdictions (code, name, level) VALUES ('420000', '湖北省', 'province');
        INSERT INTO plans (jurisdiction_code, title, period_start, period_end, baseline_year)
          SELECT '420000', '规划' || p, 2021, 2025, 2020 FROM generate_series(1, 135) p;
        INSERT INTO indicators (plan_id, key, position, name, baseline, target, target_kind, attribute, direction)
          SELECT p.id, 'k' || n, n, '指标' || n, '{}', '{}', 'threshold', 'expected', 'higher'
            FROM plans p, generate_series(1, 20) n;
        INSERT INTO observations (indicator_id, year, value_kind, value_number)
          SELECT i.id, y, 'number', y FROM indicators i, generate_series(2020, 2025) y;`);
    });
    planId = String((await raw("SELECT id FROM plans ORDER BY title LIMIT 1"))[0]!.id);
  });
  afterAll(() => database?.close());

  it("analyses the tables many rows changed in, and the plan's observations are then read by index", async () => {
    expect(await analysed("observations")).toBeNull();
    // A guess from the table's pages (in the bench's province it was 7,888 for 16,192 rows, and
    // the planner chose to scan them all).
    expect(await estimate("observations")).not.toBe(16_200);

    const tables = await database.refreshStatistics();
    expect(tables).toEqual(expect.arrayContaining(["indicators", "observations", "plans"]));
    expect(await analysed("observations")).not.toBeNull();
    expect(await estimate("observations")).toBe(16_200);
    expect(await plan()).not.toMatch(/Seq Scan on observations/);
    expect(await plan()).toMatch(/observations_indicator_year_subject_key/);

    // Nothing changed since: nothing to do.
    expect(await database.refreshStatistics()).toEqual([]);
  });

  it("checks again on its own once write transactions pause", async () => {
    const before = await analysed("observations");
    // Under the threshold (50 + 10 % of 16,200 rows): not analysed again.
    await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE observations SET value_number = value_number + 1
             WHERE id IN (SELECT id FROM observations ORDER BY id LIMIT 100)`,
      );
    });
    expect(await database.refreshStatistics()).toEqual([]);

    // Past it, with no explicit refresh: the upkeep runs once writes have paused (2 s).
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE observations SET value_number = value_number + 1 WHERE year >= 2022`);
    });
    await vi.waitFor(async () => expect(await analysed("observations")).not.toEqual(before), {
      timeout: 10_000,
      interval: 200,
    });
  });
});
