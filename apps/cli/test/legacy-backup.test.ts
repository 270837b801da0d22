import { migrate, openDatabase } from "@ybplan/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Backup, restoreDatabase } from "../src/data/backup.ts";

/** A backup written by earlier versions (`ybplan.backup/v1`, JSON rows) still restores. */
describe("restoring an earlier JSON backup", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    database = await openDatabase({});
    await migrate(database);
  });
  afterAll(() => database.close());

  it("replaces the rows in foreign-key order; a column the backup predates takes its default", async () => {
    const backup = Backup.parse({
      format: "ybplan.backup/v1",
      createdAt: "2025-01-01T00:00:00.000Z",
      migrations: [],
      tables: {
        jurisdictions: [
          { code: "420000", name: "湖北省", level: "province", parent_code: null },
          { code: "420200", name: "黄石市", level: "city", parent_code: "420000" },
        ],
      },
    });
    const counts = await database.rawTransaction((tx) => restoreDatabase(tx, backup));
    expect(counts.find((c) => c.table === "jurisdictions")?.rows).toBe(2);
    const rows = await database.rawTransaction((tx) =>
      tx.query<{ code: string; parent_code: string | null; version: number }>(
        "SELECT code, parent_code, version FROM jurisdictions ORDER BY code",
      ),
    );
    expect(rows).toEqual([
      { code: "420000", parent_code: null, version: 1 },
      { code: "420200", parent_code: "420000", version: 1 },
    ]);
  });

  it("refuses a backup naming a table this database does not have", async () => {
    const backup = Backup.parse({
      format: "ybplan.backup/v1",
      createdAt: "2025-01-01T00:00:00.000Z",
      migrations: [],
      tables: { no_such_table: [] },
    });
    await expect(database.rawTransaction((tx) => restoreDatabase(tx, backup))).rejects.toThrow(
      "备份中的表在当前数据库中不存在：no_such_table",
    );
  });
});
