import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Observation } from "@ybplan/domain";
import { Effect } from "effect";
import { parse, required } from "../args.ts";
import { call, withApi } from "../data/api.ts";
import { observationsFromSheet } from "../data/observation-rows.ts";
import { type FilledSheet, readFilledCsv, readFilledXlsx } from "../data/observation-sheet.ts";
import { resolvePlan } from "../data/plans.ts";
import { Conflict, InvalidInput, NotFound, UsageError } from "../errors.ts";
import { userPath } from "../paths.ts";
import type { Command } from "./command.ts";

const help = `用法：ybplan import observations <文件.xlsx|文件.csv> [--plan <规划>] [--dry-run]

导入填好的监测数据（ybplan template observations 生成的模板，或同样列的 CSV）。
逐格校验（指标存在、年份在规划期内、数值及其范围）；有任何错误则全部不保存，并按行列出错误。
与已有数据相同的单元格不再保存；模板生成后他人已修改的单元格视为冲突（退出码 5），不覆盖。

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
      if (args.positionals.length > 1)
        return yield* Effect.fail(new UsageError({ message: `多余的参数 ${args.positionals[1]}` }));
      const file = userPath(yield* required(args.positionals[0], "要导入的文件"));
      const ext = extname(file).toLowerCase();
      if (ext !== ".xlsx" && ext !== ".csv") {
        return yield* Effect.fail(new UsageError({ message: "只支持 .xlsx 或 .csv 文件" }));
      }
      if (!existsSync(file))
        return yield* Effect.fail(new NotFound({ message: `找不到文件 ${args.positionals[0]}` }));
      const sheet: FilledSheet = yield* Effect.tryPromise({
        try: async () =>
          ext === ".csv"
            ? readFilledCsv(readFileSync(file, "utf8"))
            : await readFilledXlsx(new Uint8Array(readFileSync(file))),
        catch: () =>
          new InvalidInput({ message: `${basename(file)} 无法读取（文件损坏或不是 ${ext} 文件）` }),
      });
      const ref = args.values.plan ?? sheet.planId;
      if (!ref)
        return yield* Effect.fail(new UsageError({ message: "文件中没有规划ID，请用 --plan <规划> 指定" }));

      const saved = yield* withApi(
        ({ api }) =>
          Effect.gen(function* () {
            const target = yield* resolvePlan(api, ref);
            const [plan, indicators, stored] = yield* call("读取规划", () =>
              Promise.all([
                api.plans.get({ id: target.id }),
                api.indicators.list({ planId: target.id }),
                api.observations.list({ planId: target.id }),
              ]),
            );
            const { observations, errors } = observationsFromSheet(sheet, plan, indicators, actorName);
            if (errors.length > 0) {
              return yield* Effect.fail(
                new InvalidInput({
                  message: `${basename(file)} 有 ${errors.length} 处错误，未保存任何数据`,
                  details: errors,
                }),
              );
            }
            if (observations.length === 0) {
              return yield* Effect.fail(
                new InvalidInput({ message: `${basename(file)} 中没有填写任何数据` }),
              );
            }
            const names = new Map(indicators.map((i) => [i.id, i.name]));
            const { changes, conflicts } = planChanges(
              observations,
              stored,
              sheet.versions,
              (id) => names.get(id) ?? id,
            );
            if (conflicts.length > 0) {
              return yield* Effect.fail(
                new Conflict({
                  message: `${basename(file)} 中 ${conflicts.length} 个数据在生成模板后已被他人修改，未保存任何数据（请重新生成模板）：${conflicts.slice(0, 5).join("；")}`,
                }),
              );
            }
            if (args.values["dry-run"] === true)
              return { count: changes.length, plan: plan.title, dryRun: true };
            if (changes.length === 0) return { count: 0, plan: plan.title, dryRun: false };
            // One call per year; every row carries the version it was based on (null: no value seen).
            for (const year of [...new Set(changes.map((c) => c.year))].sort()) {
              const rows = changes.filter((c) => c.year === year).map(({ year: _y, ...row }) => row);
              yield* call(`保存 ${year} 年监测数据`, () =>
                api.observations.upsertYear({ planId: plan.id, year, rows }),
              );
            }
            return { count: changes.length, plan: plan.title, dryRun: false };
          }),
        { actor: actorName },
      );
      process.stdout.write(
        saved.dryRun
          ? `校验通过：${saved.count} 个数据可导入（${saved.plan}），未保存（--dry-run）\n`
          : saved.count === 0
            ? `文件中的数据与数据库一致，无需保存（${saved.plan}）\n`
            : `已保存 ${saved.count} 个监测数据（${saved.plan}）\n`,
      );
    }),
};

interface StoredValue {
  readonly indicatorId: string;
  readonly year: number;
  readonly subject: string | null;
  readonly value: Observation["value"];
  readonly source: string | null;
  readonly note: string | null;
  readonly recordedBy: string | null;
  readonly version: number;
}

const sameValue = (a: Observation["value"], b: Observation["value"]) =>
  a.kind === b.kind &&
  (a.kind === "number"
    ? a.value === (b as { value: number }).value
    : a.text === (b as { text: string }).text);

/**
 * The rows to send: cells whose value differs from the stored one, each with the version the file
 * was made from (the template's hidden 版本 sheet; none for a CSV). A stored value newer than that
 * is a conflict: the import never overwrites what someone saved after the template was made. An
 * empty 数据来源 or 备注 keeps the stored one.
 */
function planChanges(
  observations: readonly Observation[],
  stored: readonly StoredValue[],
  versions: ReadonlyMap<string, number>,
  nameOf: (indicatorId: string) => string,
) {
  const byKey = new Map(
    stored.filter((o) => o.subject === null).map((o) => [`${o.indicatorId}:${o.year}`, o]),
  );
  const changes: {
    indicatorId: string;
    year: number;
    subject: null;
    value: Observation["value"];
    source: string | null;
    note: string | null;
    version: number | null;
  }[] = [];
  const conflicts: string[] = [];
  for (const o of observations) {
    const key = `${o.indicatorId}:${o.year}`;
    const current = byKey.get(key);
    const source = o.source ?? current?.source ?? null;
    const note = o.note ?? current?.note ?? null;
    if (current && sameValue(current.value, o.value) && source === current.source && note === current.note)
      continue;
    const seen = versions.get(key) ?? null;
    if ((current?.version ?? null) !== seen) {
      conflicts.push(
        current
          ? `${o.year}年“${nameOf(o.indicatorId)}”已由 ${current.recordedBy ?? "他人"} 保存为 ${current.value.kind === "number" ? current.value.value : current.value.text}`
          : `${o.year}年“${nameOf(o.indicatorId)}”已被删除`,
      );
      continue;
    }
    changes.push({
      indicatorId: o.indicatorId,
      year: o.year,
      subject: null,
      value: o.value,
      source,
      note,
      version: seen,
    });
  }
  return { changes, conflicts };
}
