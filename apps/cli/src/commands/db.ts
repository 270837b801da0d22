import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { jurisdictions as jurisdictionTable, migrate, observations as observationTable, savePlanDocument, writeAudit } from "@ybplan/db";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import type { PlanDocument } from "@ybplan/domain/plan";
import { sampleObservations } from "@ybplan/domain/report";
import { importPlanDocument } from "@ybplan/importer";
import { samplePlans } from "@ybplan/samples";
import { Effect } from "effect";
import { parse, required, yearOption } from "../args.ts";
import { Backup, dumpDatabase, restoreDatabase } from "../data/backup.ts";
import { databaseTarget, fromDbError, query, withDatabase } from "../data/database.ts";
import { allJurisdictions, allPlans, loadBundles } from "../data/load.ts";
import { Conflict, Failure, InvalidInput, messageOf, NotFound } from "../errors.ts";
import { userPath } from "../paths.ts";
import type { Command } from "./command.ts";
import { group } from "./group.ts";

const seedActor = { id: null, name: "系统初始化" };

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
      const applied = yield* withDatabase((database) => query("升级数据库", () => migrate(database)), { migrate: false });
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
      const docs: { sample: (typeof samplePlans)[number]; doc: PlanDocument }[] = [];
      for (const sample of samplePlans) {
        const doc = yield* importPlanDocument({
          bytes: new Uint8Array(readFileSync(sample.path)),
          fileName: basename(sample.path),
        }).pipe(Effect.mapError((e) => new InvalidInput({ message: `${basename(sample.path)}：${e.message}` })));
        docs.push({ sample, doc });
      }
      yield* withDatabase((database) =>
        Effect.gen(function* () {
          const db = database.db;
          yield* query("写入行政区划", () =>
            db.transaction(async (tx) => {
              const inserted = await tx
                .insert(jurisdictionTable)
                .values(sampleJurisdictions.map((j) => ({ ...j, updatedBy: seedActor.name })))
                .onConflictDoNothing()
                .returning();
              await writeAudit(
                tx,
                seedActor,
                inserted.map((j) => ({ action: "create", entity: "jurisdiction", entityId: j.code, jurisdictionCode: j.code, after: j })),
              );
            }),
          );
          for (const { sample, doc } of docs) {
            const r = yield* Effect.tryPromise({
              try: () => savePlanDocument(db, doc, seedActor, { jurisdictionCode: sample.jurisdictionCode }),
              catch: (e) => fromDbError(`保存示例规划 ${sample.key} 失败`, e),
            });
            process.stdout.write(`${r.created ? "新建" : "更新"}规划：${doc.plan.title}（${r.planId}）\n`);
          }
          if (args.values.observations !== true) return;
          const jurisdictions = yield* allJurisdictions(db);
          const plans = (yield* allPlans(db)).filter((p) => samplePlans.some((s) => s.jurisdictionCode === p.jurisdictionCode));
          const bundles = yield* loadBundles(db, plans, jurisdictions, year);
          let added = 0;
          for (const b of bundles) {
            const values = sampleObservations(b.plan, [...b.indicators], { seed: 2021, lastYear: year });
            const have = new Set(b.observations.map((o) => `${o.indicatorId}:${o.year}`));
            const fresh = values.filter((o) => !have.has(`${o.indicatorId}:${o.year}`));
            if (fresh.length === 0) continue;
            const inserted = yield* query("写入示例监测数据", () =>
              db.transaction(async (tx) => {
                const rows = await tx
                  .insert(observationTable)
                  .values(
                    fresh.map((o) => ({
                      indicatorId: o.indicatorId,
                      year: o.year,
                      valueKind: o.value.kind,
                      valueNumber: o.value.kind === "number" ? o.value.value : null,
                      valueText: o.value.kind === "text" ? o.value.text : null,
                      source: o.source,
                      note: "示例数据（ybplan db seed --observations）",
                      recordedBy: seedActor.name,
                    })),
                  )
                  .onConflictDoNothing()
                  .returning();
                await writeAudit(
                  tx,
                  seedActor,
                  rows.map((r) => ({ action: "create", entity: "observation", entityId: r.id, jurisdictionCode: b.plan.jurisdictionCode, after: r })),
                );
                return rows.length;
              }),
            );
            added += inserted;
          }
          process.stdout.write(`写入示例监测数据 ${added} 条（截至 ${year} 年）\n`);
        }),
      );
    }),
};

const backupHelp = `用法：ybplan db backup <文件>

将整个数据库导出为一个 JSON 备份文件（内嵌数据库与 PostgreSQL 通用）。`;

const backupCommand: Command = {
  name: "backup",
  summary: "备份数据库到文件",
  help: backupHelp,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, {});
      if (args.help) return void process.stdout.write(`${backupHelp}\n`);
      const file = userPath(yield* required(args.positionals[0], "备份文件路径"));
      const backup = yield* withDatabase((database) => query("导出数据库", () => database.rawTransaction(dumpDatabase)));
      yield* Effect.try({
        try: () => writeFileSync(file, JSON.stringify(backup)),
        catch: (e) => new Failure({ message: `无法写入 ${file}：${messageOf(e)}` }),
      });
      const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
      process.stdout.write(`已备份 ${Object.keys(backup.tables).length} 张表、${rows} 行到 ${file}\n`);
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
      const backup = yield* Effect.try({
        try: () => Backup.parse(JSON.parse(readFileSync(file, "utf8"))),
        catch: () => new InvalidInput({ message: `${basename(file)} 不是 ybplan 备份文件` }),
      });
      const counts = yield* withDatabase((database) =>
        Effect.gen(function* () {
          const plans = yield* allPlans(database.db);
          if (plans.length > 0 && args.values.force !== true) {
            return yield* Effect.fail(
              new Conflict({ message: `数据库中已有 ${plans.length} 个规划；确认覆盖请加 --force` }),
            );
          }
          const applied = yield* query("读取迁移记录", () =>
            database.rawTransaction((tx) => tx.query<{ id: string }>("SELECT id FROM _migrations")),
          );
          const missing = backup.migrations.filter((m) => !applied.some((a) => a.id === m));
          if (missing.length > 0) {
            return yield* Effect.fail(
              new InvalidInput({ message: `备份来自更新版本的数据库（缺少迁移 ${missing.join("、")}），请先升级 ybplan` }),
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
