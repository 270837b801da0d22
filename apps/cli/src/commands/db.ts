import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { Effect } from "effect";
import { parse, required, yearOption } from "../args.ts";
import { toCliError } from "../data/api.ts";
import { Backup, restoreDatabase } from "../data/backup.ts";
import { databaseTarget, migrationsDir, query, withDatabase } from "../data/database.ts";
import { Conflict, Failure, InvalidInput, messageOf, NotFound } from "../errors.ts";
import { userPath } from "../paths.ts";
import type { Command } from "./command.ts";
import { group } from "./group.ts";

const migrateHelp = `用法：ybplan db migrate

将数据库结构升级到最新版本（服务启动时也会自动执行）。`;

const migrateCommand: Command = {
  name: "migrate",
  summary: "升级数据库结构",
  help: migrateHelp,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, {});
      if (args.help) return void process.stdout.write(`${migrateHelp}\n`);
      const applied = yield* withDatabase(
        (database) =>
          query("升级数据库", async () => {
            const { migrate, migrationFiles } = await import("@ybplan/db");
            return migrate(database, migrationFiles(migrationsDir()));
          }),
        { migrate: false },
      );
      const where = databaseTarget();
      process.stdout.write(
        applied.length === 0
          ? `数据库已是最新（${where.where}）\n`
          : `已执行 ${applied.length} 个迁移（${where.where}）：${applied.join("、")}\n`,
      );
    }),
};

const seedHelp = `用法：ybplan db seed [--observations --year <年份>]

写入示例行政区划和五个示例规划（经导入器读取；已存在的规划就地更新）。

  --observations   同时为各示例规划生成示例监测数据（基期至 --year，确定性生成，仅用于演示）
  --year <年份>    示例监测数据截止年份（默认 2023）
  -h, --help       显示本帮助

管理员账号由服务首次启动创建，或用 ybplan users add 添加。`;

const seedCommand: Command = {
  name: "seed",
  summary: "写入示例行政区划、示例规划（可选示例监测数据）",
  help: seedHelp,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, { observations: { type: "boolean" }, year: { type: "string" } });
      if (args.help) return void process.stdout.write(`${seedHelp}\n`);
      const year = args.values.year === undefined ? 2023 : yield* yearOption(args.values.year);
      // Through the API (seedSampleData): the router's validation, version checks and audit.
      const result = yield* withDatabase((database) =>
        Effect.tryPromise({
          try: async () => {
            const [{ seedSampleData }, { importPlanBytes }] = await Promise.all([
              import("@ybplan/api"),
              import("@ybplan/importer"),
            ]);
            try {
              return await seedSampleData(database, {
                importer: importPlanBytes,
                observationsUpTo: args.values.observations === true ? year : null,
              });
            } catch (e) {
              throw await toCliError("写入示例数据失败", e);
            }
          },
          catch: (e) =>
            e instanceof Failure ||
            e instanceof InvalidInput ||
            e instanceof NotFound ||
            e instanceof Conflict
              ? e
              : new Failure({ message: messageOf(e) }),
        }),
      );
      for (const p of result.plans)
        process.stdout.write(`${p.created ? "新建" : "更新"}规划：${p.title}（${p.planId}）\n`);
      if (result.implementations > 0)
        process.stdout.write(`写入国家组织集采批次的执行记录 ${result.implementations} 条\n`);
      if (result.bindings > 0) process.stdout.write(`按指标名称关联集中带量采购计数 ${result.bindings} 项\n`);
      if (args.values.observations === true) {
        process.stdout.write(`写入示例监测数据 ${result.observations} 条（截至 ${year} 年）\n`);
      }
    }),
};

const backupHelp = `用法：ybplan db backup <文件>

将整个数据库逐行导出为一个压缩备份文件（内存占用与数据库大小无关；每张表带行数与校验和；
内嵌数据库与 PostgreSQL 通用）。`;

const backupCommand: Command = {
  name: "backup",
  summary: "备份数据库到文件",
  help: backupHelp,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, {});
      if (args.help) return void process.stdout.write(`${backupHelp}\n`);
      const file = userPath(yield* required(args.positionals[0], "备份文件路径"));
      // Streamed row by row to the file (@ybplan/db backup), never held in memory as a whole.
      const written = yield* withDatabase((database) =>
        query("导出数据库", async () => (await import("@ybplan/db")).backupToFile(database, file)),
      );
      process.stdout.write(`已备份 ${written.tables.length} 张表、${written.rows} 行到 ${file}\n`);
    }),
};

const restoreHelp = `用法：ybplan db restore <文件> [--force]

用备份文件替换数据库中的全部数据（一个事务，失败则不作任何更改）。

  --force      数据库中已有规划时也执行恢复（会覆盖现有数据）
  -h, --help   显示本帮助`;

const restoreCommand: Command = {
  name: "restore",
  summary: "从备份文件恢复数据库",
  help: restoreHelp,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, { force: { type: "boolean" } });
      if (args.help) return void process.stdout.write(`${restoreHelp}\n`);
      const file = userPath(yield* required(args.positionals[0], "备份文件路径"));
      if (!existsSync(file)) return yield* Effect.fail(new NotFound({ message: `找不到备份文件 ${file}` }));
      // Streaming backups (v2) restore and verify row by row; older JSON backups as before.
      const { isStreamBackup, restoreFromFile } = yield* Effect.promise(() => import("@ybplan/db"));
      const streaming = yield* Effect.promise(() => isStreamBackup(file));
      const backup = streaming
        ? null
        : yield* Effect.try({
            try: () => Backup.parse(JSON.parse(readFileSync(file, "utf8"))),
            catch: () => new InvalidInput({ message: `${basename(file)} 不是 ybplan 备份文件` }),
          });
      const counts = yield* withDatabase((database) =>
        Effect.gen(function* () {
          const [existing] = yield* query("查询规划", () =>
            database.rawTransaction((tx) => tx.query<{ n: number }>("SELECT count(*)::int AS n FROM plans")),
          );
          const plans = Number(existing?.n ?? 0);
          if (plans > 0 && args.values.force !== true) {
            return yield* Effect.fail(
              new Conflict({ message: `数据库中已有 ${plans} 个规划；确认覆盖请加 --force` }),
            );
          }
          if (!backup) {
            return yield* Effect.tryPromise({
              try: async () => (await restoreFromFile(database, file)).tables,
              catch: (e) => new InvalidInput({ message: `恢复失败，数据库未改动：${messageOf(e)}` }),
            });
          }
          const applied = yield* query("读取迁移记录", () =>
            database.rawTransaction((tx) => tx.query<{ id: string }>("SELECT id FROM _migrations")),
          );
          const missing = backup.migrations.filter((m) => !applied.some((a) => a.id === m));
          if (missing.length > 0) {
            return yield* Effect.fail(
              new InvalidInput({
                message: `备份来自更新版本的数据库（缺少迁移 ${missing.join("、")}），请先升级 ybplan`,
              }),
            );
          }
          return yield* Effect.tryPromise({
            try: () => database.rawTransaction((tx) => restoreDatabase(tx, backup)),
            catch: (e) => new InvalidInput({ message: `恢复失败，数据库未改动：${messageOf(e)}` }),
          });
        }),
      );
      const rows = counts.reduce((n, c) => n + c.rows, 0);
      process.stdout.write(`已从 ${file} 恢复 ${counts.length} 张表、${rows} 行\n`);
    }),
};

export const dbCommand = group("db", "数据库维护：升级结构、写入示例数据、备份与恢复", [
  migrateCommand,
  seedCommand,
  backupCommand,
  restoreCommand,
]);
