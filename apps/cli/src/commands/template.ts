import { writeFileSync } from "node:fs";
import { Effect } from "effect";
import { parse, required } from "../args.ts";
import { call, withApi } from "../data/api.ts";
import { buildTemplate } from "../data/observation-sheet.ts";
import { resolvePlan } from "../data/plans.ts";
import { Failure, messageOf, UsageError } from "../errors.ts";
import { userPath } from "../paths.ts";
import type { Command } from "./command.ts";
import { group } from "./group.ts";

const help = `用法：ybplan template observations --plan <规划> --out <文件.xlsx>

生成监测数据填报模板：每个指标一行、每个年份一列，已有数据预先填入。
填好后用 ybplan import observations <文件> 导入。

  --plan <规划>   规划 id、行政区划代码、地区名称或规划标题中的词
  --out <文件>    输出的 .xlsx 文件
  -h, --help      显示本帮助`;

const observationsTemplate: Command = {
  name: "observations",
  summary: "生成监测数据填报模板（.xlsx）",
  help,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, { plan: { type: "string" }, out: { type: "string" } });
      if (args.help) return void process.stdout.write(`${help}\n`);
      if (args.positionals.length > 0)
        return yield* Effect.fail(new UsageError({ message: `多余的参数 ${args.positionals[0]}` }));
      const ref = yield* required(args.values.plan, "--plan <规划>");
      const out = userPath(yield* required(args.values.out, "--out <文件.xlsx>"));
      if (!out.endsWith(".xlsx"))
        return yield* Effect.fail(new UsageError({ message: "--out 应为 .xlsx 文件" }));
      const data = yield* withApi(({ api }) =>
        Effect.gen(function* () {
          const target = yield* resolvePlan(api, ref);
          const [plan, jurisdiction, indicators, stored] = yield* call("读取规划", () =>
            Promise.all([
              api.plans.get({ id: target.id }),
              api.jurisdictions.get({ code: target.jurisdictionCode }),
              api.indicators.list({ planId: target.id }),
              api.observations.list({ planId: target.id }),
            ]),
          );
          const values = stored.filter((o) => o.subject === null);
          return yield* Effect.tryPromise({
            try: () => buildTemplate(plan, jurisdiction.name, indicators, values),
            catch: (e) => new Failure({ message: `生成模板失败：${messageOf(e)}` }),
          });
        }),
      );
      yield* Effect.try({
        try: () => writeFileSync(out, data),
        catch: (e) => new Failure({ message: `无法写入 ${out}：${messageOf(e)}` }),
      });
      process.stdout.write(`${out}\n`);
    }),
};

export const templateCommand = group("template", "生成填报模板", [observationsTemplate]);
