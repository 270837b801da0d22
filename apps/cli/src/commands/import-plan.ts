import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { PlanDocument } from "@ybplan/domain/plan";
import { importPlanDocument } from "@ybplan/importer";
import { Effect } from "effect";
import { oneOf, parse, required } from "../args.ts";
import { call, withApi } from "../data/api.ts";
import { InvalidInput, NotFound, UsageError } from "../errors.ts";
import { userPath } from "../paths.ts";
import type { Command } from "./command.ts";

const help = `用法：ybplan import plan <文件> [--dry-run] [--format json|text] [--jurisdiction <代码>]

读取已印发的规划文本（.txt、.md、.html、.docx），识别规划信息、主要指标表、章节任务和专栏。

  --dry-run              只预览，不写入数据库
  --format <格式>        预览输出：text（默认，摘要）| json（完整的 PlanDocument JSON）
  --jurisdiction <代码>  指定规划所属行政区划（文档中无法识别时）
  -h, --help             显示本帮助

不加 --dry-run 时在一个事务中保存规划；再次导入同一文档会就地更新，已录入的监测数据不会丢失。`;

function readPlanFile(path: string): Effect.Effect<PlanDocument, NotFound | InvalidInput> {
  return Effect.gen(function* () {
    const full = userPath(path);
    const bytes = yield* Effect.try({
      try: () => {
        if (!statSync(full).isFile()) throw new Error("not a file");
        return new Uint8Array(readFileSync(full));
      },
      catch: () => new NotFound({ message: `找不到文件 ${path}` }),
    });
    return yield* importPlanDocument({ bytes, fileName: basename(full) }).pipe(
      Effect.mapError((e) => new InvalidInput({ message: `${basename(full)}：${e.message}` })),
    );
  });
}

function summary(doc: PlanDocument): string {
  const lines = [
    `规划：${doc.plan.title}`,
    `行政区划：${doc.plan.jurisdictionName ?? "未识别"}${doc.plan.jurisdictionCode ? `（${doc.plan.jurisdictionCode}）` : ""}`,
    `规划期：${doc.plan.periodStart}—${doc.plan.periodEnd}年，基期 ${doc.plan.baselineYear} 年`,
    `主要指标 ${doc.indicators.length} 项，章节任务 ${doc.tasks.length} 条，专栏 ${doc.projects.length} 个（${doc.projects.reduce((n, p) => n + p.items.length, 0)} 项）`,
  ];
  if (doc.warnings.length > 0) {
    lines.push(`提示 ${doc.warnings.length} 条：`);
    for (const w of doc.warnings.slice(0, 20))
      lines.push(`  第${w.line}行：${w.message}${w.text ? `（${w.text.slice(0, 40)}）` : ""}`);
    if (doc.warnings.length > 20) lines.push(`  ……另有 ${doc.warnings.length - 20} 条`);
  }
  return lines.join("\n");
}

export const importPlanCommand: Command = {
  name: "plan",
  summary: "导入规划文档（预览或保存）",
  help,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, {
        "dry-run": { type: "boolean" },
        format: { type: "string" },
        jurisdiction: { type: "string" },
      });
      if (args.help) return void process.stdout.write(`${help}\n`);
      if (args.positionals.length > 1)
        return yield* Effect.fail(new UsageError({ message: `多余的参数 ${args.positionals[1]}` }));
      const file = yield* required(args.positionals[0], "要导入的文件");
      const format = yield* oneOf(args.values.format, ["json", "text"] as const, "--format", "text");
      const code = args.values.jurisdiction;
      if (code !== undefined && !/^\d{6}$/.test(code)) {
        return yield* Effect.fail(
          new UsageError({ message: `--jurisdiction 应为6位行政区划代码，收到“${code}”` }),
        );
      }
      const doc = yield* readPlanFile(file);
      if (args.values["dry-run"] === true) {
        process.stdout.write(format === "json" ? `${JSON.stringify(doc, null, 2)}\n` : `${summary(doc)}\n`);
        return;
      }
      const jurisdictionCode = code ?? doc.plan.jurisdictionCode;
      if (!jurisdictionCode) {
        return yield* Effect.fail(
          new InvalidInput({ message: "未能识别规划所属行政区划，请用 --jurisdiction <代码> 指定" }),
        );
      }
      const result = yield* withApi(
        ({ api }) =>
          Effect.gen(function* () {
            const known = yield* call("查询行政区划", () =>
              api.jurisdictions.list({ q: jurisdictionCode, pageSize: 200 }),
            );
            if (!known.items.some((j) => j.code === jurisdictionCode)) {
              return yield* Effect.fail(
                new NotFound({
                  message: `行政区划 ${jurisdictionCode} 不在数据库中（先运行 ybplan db seed）`,
                }),
              );
            }
            return yield* call("保存规划失败", () => api.import.commit({ document: doc, jurisdictionCode }));
          }),
        { actor: "命令行导入" },
      );
      const c = result.indicators;
      if (format === "json") {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      if (result.unchanged) {
        process.stdout.write(
          `${summary(doc)}\n无变化：与已保存的规划 ${result.planId}（第 ${result.revision} 版）相同，未生成新版本\n`,
        );
        return;
      }
      process.stdout.write(
        `${summary(doc)}\n${result.created ? "已新建" : "已更新"}规划 ${result.planId}（第 ${result.revision} 版）：指标新增 ${c.created}、更新 ${c.updated}、未变 ${c.unchanged}、删除 ${c.deleted}、保留 ${c.retained}\n`,
      );
    }),
};
