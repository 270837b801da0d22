import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { observations as observationTable, writeAudit } from "@ybplan/db";
import { sql } from "drizzle-orm";
import { Effect } from "effect";
import { parse, required } from "../args.ts";
import { query, withDatabase } from "../data/database.ts";
import { allJurisdictions, loadBundles, resolvePlan } from "../data/load.ts";
import { observationsFromSheet } from "../data/observation-rows.ts";
import { type FilledSheet, readFilledCsv, readFilledXlsx } from "../data/observation-sheet.ts";
import { InvalidInput, NotFound, UsageError } from "../errors.ts";
import { userPath } from "../paths.ts";
import type { Command } from "./command.ts";

const help = `用法：ybplan import observations <文件.xlsx|文件.csv> [--plan <规划>] [--dry-run]

导入填好的监测数据（ybplan template observations 生成的模板，或同样列的 CSV）。
逐格校验（指标存在、年份在规划期内、数值及其范围）；有任何错误则全部不保存，并按行列出错误。

  --plan <规划>   规划（模板中已记录规划ID时可省略；CSV 无“规划ID”列时必填）
  --dry-run       只校验，不保存
  -h, --help      显示本帮助`;

const actorName = "命令行导入";

export const importObservationsCommand: Command = {
  name: "observations",
  summary: "导入监测数据（.xlsx 或 .csv）",
  help,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, { plan: { type: "string" }, "dry-run": { type: "boolean" } });
      if (args.help) return void process.stdout.write(`${help}\n`);
      if (args.positionals.length > 1) return yield* Effect.fail(new UsageError({ message: `多余的参数 ${args.positionals[1]}` }));
      const file = userPath(yield* required(args.positionals[0], "要导入的文件"));
      const ext = extname(file).toLowerCase();
      if (ext !== ".xlsx" && ext !== ".csv") {
        return yield* Effect.fail(new UsageError({ message: "只支持 .xlsx 或 .csv 文件" }));
      }
      if (!existsSync(file)) return yield* Effect.fail(new NotFound({ message: `找不到文件 ${args.positionals[0]}` }));
      const sheet: FilledSheet = yield* Effect.tryPromise({
        try: async () => (ext === ".csv" ? readFilledCsv(readFileSync(file, "utf8")) : await readFilledXlsx(new Uint8Array(readFileSync(file)))),
        catch: () => new InvalidInput({ message: `${basename(file)} 无法读取（文件损坏或不是 ${ext} 文件）` }),
      });
      const ref = args.values.plan ?? sheet.planId;
      if (!ref) return yield* Effect.fail(new UsageError({ message: "文件中没有规划ID，请用 --plan <规划> 指定" }));

      const saved = yield* withDatabase((database) =>
        Effect.gen(function* () {
          const jurisdictions = yield* allJurisdictions(database.db);
          const target = yield* resolvePlan(database.db, ref);
          const [bundle] = yield* loadBundles(database.db, [target], jurisdictions, target.periodEnd);
          const { observations, errors } = observationsFromSheet(sheet, bundle!.plan, bundle!.indicators, actorName);
          if (errors.length > 0) {
            return yield* Effect.fail(
              new InvalidInput({ message: `${basename(file)} 有 ${errors.length} 处错误，未保存任何数据`, details: errors }),
            );
          }
          if (observations.length === 0) {
            return yield* Effect.fail(new InvalidInput({ message: `${basename(file)} 中没有填写任何数据` }));
          }
          if (args.values["dry-run"] === true) return { count: observations.length, plan: bundle!.plan.title, dryRun: true };
          const count = yield* query("保存监测数据", () =>
            database.db.transaction(async (tx) => {
              const rows = await tx
                .insert(observationTable)
                .values(
                  observations.map((o) => ({
                    indicatorId: o.indicatorId,
                    year: o.year,
                    valueKind: o.value.kind,
                    valueNumber: o.value.kind === "number" ? o.value.value : null,
                    valueText: o.value.kind === "text" ? o.value.text : null,
                    source: o.source,
                    note: o.note,
                    recordedBy: actorName,
                  })),
                )
                .onConflictDoUpdate({
                  target: [observationTable.indicatorId, observationTable.year, observationTable.subject],
                  set: {
                    valueKind: sql`excluded.value_kind`,
                    valueNumber: sql`excluded.value_number`,
                    valueText: sql`excluded.value_text`,
                    source: sql`excluded.source`,
                    note: sql`excluded.note`,
                    recordedBy: sql`excluded.recorded_by`,
                    recordedAt: sql`now()`,
                    version: sql`${observationTable.version} + 1`,
                  },
                })
                .returning();
              await writeAudit(
                tx,
                { id: null, name: actorName },
                rows.map((r) => ({
                  action: "upsert",
                  entity: "observation",
                  entityId: r.id,
                  jurisdictionCode: bundle!.plan.jurisdictionCode,
                  after: r,
                })),
              );
              return rows.length;
            }),
          );
          return { count, plan: bundle!.plan.title, dryRun: false };
        }),
      );
      process.stdout.write(
        saved.dryRun
          ? `校验通过：${saved.count} 个数据可导入（${saved.plan}），未保存（--dry-run）\n`
          : `已保存 ${saved.count} 个监测数据（${saved.plan}）\n`,
      );
    }),
};
