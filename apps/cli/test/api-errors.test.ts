import { createCaller, createContextInner, systemUser } from "@ybplan/api";
import { type Database, migrate, migrationFiles, openDatabase } from "@ybplan/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCliError } from "../src/data/api.ts";
import { ExitCode, exitCodeOf } from "../src/errors.ts";

let database: Database;

beforeAll(async () => {
  database = await openDatabase({});
  await migrate(database, migrationFiles());
});
afterAll(() => database.close());

describe("router refusals as CLI errors", () => {
  it("an upload with invalid rows is invalid input (exit 4) naming every row", async () => {
    const api = createCaller(createContextInner({ database, user: systemUser("命令行") }));
    const csv =
      "层级,批次名称,公布日期,类别,品种数,参与省份\n省级,湖北省第一批,2021-13,药品,,420000\n省级,湖北省第二批,2021-03,耗,,420000\n";
    const refused = await api.procurement
      .import({ kind: "batches", fileName: "批次.csv", contentBase64: Buffer.from(csv).toString("base64") })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(refused).not.toBeNull();
    const e = await toCliError("导入批次", refused);
    expect(exitCodeOf(e)).toBe(ExitCode.invalidInput);
    expect(e.message).toMatch(/^导入批次：/);
    expect("details" in e ? e.details : undefined).toEqual([
      "第2行 [公布日期]：日期“2021-13”无效，应为 YYYY-MM-DD 或 YYYY-MM",
      expect.stringMatching(/^第3行 \[类别\]：/),
    ]);
  });
});
