import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verdictLabels } from "@ybplan/domain/evaluation";
import { samplePlans } from "@ybplan/samples";
import { Effect } from "effect";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Api, withApi } from "../src/data/api.ts";
import { runCli, runInProcess, withEnv } from "./run-cli.ts";

/** The commands that work on the embedded database, end to end, in one fresh data directory. */

const root = mkdtempSync(join(tmpdir(), "ybplan-cli-db-"));
const env = { YBPLAN_DATA_DIR: join(root, "db"), DATABASE_URL: undefined };

type ReportWorkRow = Awaited<ReturnType<Api["reports"]["model"]>>["workIndicators"][number];

interface EvaluateJson {
  plan: { id: string };
  counts: { total: number; binding: { breaches: number } };
  workIndicators: ReportWorkRow[];
  indicators: {
    id: string;
    name: string;
    verdict: keyof typeof verdictLabels;
    verdictLabel: string;
    breach: boolean;
    actual: number | string;
  }[];
}

/**
 * The plan's figures as `evaluate --format json` prints them, run in this process: most checks
 * read state after a spawned command, and a process start per read would be most of the suite's
 * CPU. The spawned `evaluate` (exit codes, stderr, the table) is tested on its own below.
 */
async function evaluate(plan: string, year: number, e = env): Promise<EvaluateJson> {
  const out = await runInProcess(["evaluate", "--plan", plan, "--year", String(year), "--format", "json"], e);
  return JSON.parse(out) as EvaluateJson;
}

describe("ybplan on an empty embedded database", () => {
  it("says what to do instead of “未找到规划”", async () => {
    const empty = { ...env, YBPLAN_DATA_DIR: join(root, "empty") };
    const r = await runCli(["evaluate", "--plan", "黄石市", "--year", "2023"], empty);
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe("ybplan: 数据库为空：先运行 ybplan db seed 或 pnpm start");
  });
});

describe("ybplan with the embedded database", () => {
  beforeAll(async () => {
    const m = await runCli(["db", "migrate"], env);
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/已执行 \d+ 个迁移/);
    const s = await runCli(["db", "seed", "--observations", "--year", "2023"], env);
    expect(s.stderr).toBe("");
    expect(s.code).toBe(0);
    expect(s.stdout.match(/新建规划：/g)).toHaveLength(samplePlans.length);
    expect(s.stdout).toMatch(/写入示例监测数据 \d+ 条/);
    // Recognised procurement indicators are bound to the counts derived from the batches' records.
    expect(s.stdout).toMatch(/按指标名称关联集中带量采购计数 \d+ 项/);
  });

  it("judges bound procurement indicators on the derived counts (national batches implemented)", async () => {
    const json = await evaluate("黄石市", 2023);
    const drugs = json.indicators.find((i) => i.name.includes("药品集中带量采购品种"))!;
    // Batches 1–3 alone give 112 varieties by 2020; every later national batch adds to that.
    expect(Number(drugs.actual)).toBeGreaterThan(112);
  });

  it("migrate is idempotent", async () => {
    const r = await runCli(["db", "migrate"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("数据库已是最新");
  });

  it("evaluate lists binding breaches first, with Chinese labels", async () => {
    const json = await evaluate("黄石市", 2023);
    expect(json.indicators.length).toBe(json.counts.total);
    const firstNonBreach = json.indicators.findIndex((i) => !i.breach);
    expect(json.indicators.slice(firstNonBreach).some((i) => i.breach)).toBe(false);
    expect(json.indicators.filter((i) => i.breach).length).toBe(json.counts.binding.breaches);
    for (const i of json.indicators) expect(i.verdictLabel).toBe(verdictLabels[i.verdict]);
    const table = await runCli(["evaluate", "--plan", "420200", "--year", "2023"], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^序号\s+指标\s+属性/m);
    expect(table.stdout).toContain(json.indicators[0]!.verdictLabel);
    expect(table.stdout.includes("！")).toBe(json.counts.binding.breaches > 0);
  });

  it("evaluate lists 青阳's confirmed work indicators apart, with the report's figures", async () => {
    const json = () => evaluate("341723", 2023);
    const before = await json();
    expect(before.workIndicators).toEqual([]);
    expect(await runInProcess(["evaluate", "--plan", "341723", "--year", "2023"], env)).toContain(
      "\n未确认工作指标（可在管理端“工作指标”页确认）\n",
    );

    // A planner's confirmation of the proposals and a clerk's 2023 value, through the router in
    // process as the CLI writes; then the report model of the same plan and year.
    const reported = await withEnv(env, () =>
      Effect.runPromise(
        withApi(({ api }) =>
          Effect.promise(async () => {
            const planId = before.plan.id;
            const { proposals } = await api.workIndicators.propose({ planId });
            const confirmed = [];
            for (const p of proposals)
              confirmed.push(
                await api.workIndicators.confirm({
                  planId,
                  owner: { kind: p.owner.kind, id: p.ownerId },
                  name: p.name,
                  unit: p.unit,
                  targetText: p.target,
                  stages: p.stages.map((s) => ({ year: s.year, targetText: s.target })),
                  source: p.text,
                }),
              );
            const coverage = confirmed.find((c) => c.indicator.name === "DRG付费医疗机构病种覆盖率")!;
            await api.observations.upsertYear({
              planId,
              year: 2023,
              rows: [
                { indicatorId: coverage.indicator.id, value: { kind: "number", value: 81 }, version: null },
              ],
            });
            return (await api.reports.model({ planId, year: 2023, kind: "annual" })).workIndicators;
          }),
        ),
      ),
    );
    expect(reported.map((w) => [w.name, w.target, w.actual.text, w.verdictLabel])).toEqual([
      ["DRG付费医疗机构病种覆盖率", "≥80%（2023年分年度目标）", "81%", "进展顺利"],
      ["DRG付费医保基金支出占统筹区内住院医保基金支出比例", "≥50%（2023年分年度目标）", "—", "暂无数据"],
    ]);

    // The JSON carries the report's rows apart; the main indicators and their counts are unchanged.
    const after = await json();
    expect(after.workIndicators).toEqual(reported);
    expect(after.counts).toEqual(before.counts);
    expect(after.indicators).toEqual(before.indicators);

    // The table, as a clerk runs it: the main summary counts only the main indicators, then one
    // row per work indicator with the report's target, value and verdict.
    const table = await runCli(["evaluate", "--plan", "青阳县", "--year", "2023"], env);
    expect(table.stderr).toBe("");
    expect(table.code).toBe(0);
    const lines = table.stdout.split("\n");
    const summary = lines.findIndex((l) => l.startsWith("主要指标"));
    expect(lines[summary]).toMatch(new RegExp(`^主要指标${before.counts.total}项：`));
    const section = lines.indexOf("工作指标（2项，不计入主要指标）");
    expect(section).toBeGreaterThan(summary);
    const rows = lines.slice(section + 4, section + 4 + reported.length);
    expect(rows.map((l) => l.split(/\s{2,}/).slice(0, 6))).toEqual(
      reported.map((w, i) => [String(i + 1), w.owner, w.name, w.target, w.actual.text, w.verdictLabel]),
    );
    expect(table.stdout).not.toContain("未确认工作指标");
  });

  it("evaluate exits 3 for an unknown plan", async () => {
    const r = await runCli(["evaluate", "--plan", "不存在的规划", "--year", "2023"], env);
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe("ybplan: 未找到规划“不存在的规划”");
  });

  it("report writes the files it names", async () => {
    const out = join(root, "reports");
    // docx draws a chart: the process must still exit when done.
    const r = await runCli(
      ["report", "--plan", "青阳县", "--year", "2023", "--format", "md,xlsx,docx", "--out", out],
      env,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = r.stdout.trim().split("\n");
    expect(files.map((f) => f.replace(/^.*\//, ""))).toEqual([
      "341723-青阳县-2023-年度监测报告.md",
      "341723-青阳县-2023-年度监测报告.xlsx",
      "341723-青阳县-2023-年度监测报告.docx",
    ]);
    const md = readFileSync(files[0]!, "utf8");
    expect(md).toContain("# 青阳县“十四五”医疗保障事业发展规划纲要2023年度实施情况监测报告");
    expect(md).toContain("基本医疗保险参保率");
    // The plan sets procurement goals: the report carries the procurement section, as the server's does.
    expect(md).toMatch(/^## .*药品和医用耗材集中带量采购$/m);
  });

  it("report --all writes every plan and sums up on stderr", async () => {
    const out = join(root, "all");
    const r = await runCli(["report", "--all", "--year", "2023", "--format", "md", "--out", out], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(samplePlans.length);
    expect(r.stderr).toMatch(/完成：5 个规划，写出 5 个文件（md），失败 0 个/);
    // Not a terminal: progress as plain lines, no carriage returns.
    expect(r.stderr).toContain("生成报告 5/5（100%）");
    expect(r.stderr).not.toContain("\r");
  });

  it("template → fill in → import observations, and a wrong cell rejects the whole file", async () => {
    const file = join(root, "qy.xlsx");
    const t = await runCli(["template", "observations", "--plan", "341723", "--out", file], env);
    expect(t.code).toBe(0);
    expect(existsSync(file)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("监测数据")!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col2024 = header.indexOf("2024年");
    const nameCol = header.indexOf("指标名称");
    const row = ws.getRow(2);
    const name = String(row.getCell(nameCol).value);
    row.getCell(col2024).value = 96.8;
    await wb.xlsx.writeFile(file);
    const ok = await runCli(["import", "observations", file], env);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/已保存 \d+ 个监测数据/);
    const after = await evaluate("341723", 2024);
    expect(after.indicators.find((i) => i.name === name)!.actual).toBe(96.8);

    row.getCell(col2024).value = "很高";
    // A rate (unit %) in another row, out of range.
    const unitCol = header.indexOf("单位");
    let rateRow = 3;
    while (String(ws.getRow(rateRow).getCell(unitCol).value) !== "%") rateRow++;
    ws.getRow(rateRow).getCell(col2024).value = 150;
    const bad = join(root, "qy-bad.xlsx");
    await wb.xlsx.writeFile(bad);
    const rejected = await runCli(["import", "observations", bad], env);
    expect(rejected.code).toBe(4);
    const lines = rejected.stderr.trim().split("\n");
    expect(lines[0]).toBe("ybplan: qy-bad.xlsx 有 2 处错误，未保存任何数据");
    expect(lines[1]).toContain("第2行 2024年");
    expect(lines[1]).toContain("收到“很高”");
    expect(lines[2]).toContain("百分比应在 0–100 之间");
    expect((await evaluate("341723", 2024)).indicators.find((i) => i.name === name)!.actual).toBe(96.8);
  });

  it("never overwrites a value saved after the template was made: exit 5, the newer value stays", async () => {
    const file = join(root, "hs-old.xlsx");
    expect((await runCli(["template", "observations", "--plan", "420200", "--out", file], env)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("监测数据")!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col = header.indexOf("2024年");
    const nameCol = header.indexOf("指标名称");
    const unitCol = header.indexOf("单位");
    let line = 2;
    while (String(ws.getRow(line).getCell(unitCol).value) !== "%") line++;
    const name = String(ws.getRow(line).getCell(nameCol).value);

    // Someone else fills the cell from a template made later (the same file, saved first).
    ws.getRow(line).getCell(col).value = 97.1;
    const theirs = join(root, "hs-theirs.xlsx");
    await wb.xlsx.writeFile(theirs);
    const first = await runCli(["import", "observations", theirs], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);

    // The old template, filled with another value, is refused as a whole.
    ws.getRow(line).getCell(col).value = 96.9;
    const mine = join(root, "hs-mine.xlsx");
    await wb.xlsx.writeFile(mine);
    const stale = await runCli(["import", "observations", mine], env);
    expect(stale.code).toBe(5);
    expect(stale.stderr).toContain(`2024年“${name}”已由 命令行导入 保存为 97.1`);
    expect((await evaluate("420200", 2024)).indicators.find((i) => i.name === name)!.actual).toBe(97.1);

    // Importing the same values again saves nothing (and is no conflict).
    const again = await runCli(["import", "observations", theirs], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("文件中的数据与数据库一致，无需保存");
  });

  it("reads values with the domain's rule: −5 亿元 and 97%% refused, 33.6亿元 and full-width digits read", async () => {
    const file = join(root, "hs-units.xlsx");
    expect((await runCli(["template", "observations", "--plan", "420200", "--out", file], env)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("监测数据")!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col = header.indexOf("2025年");
    const unitCol = header.indexOf("单位");
    const rowsOf = (unit: string) => {
      const out: number[] = [];
      ws.eachRow((row, n) => {
        if (n > 1 && String(row.getCell(unitCol).value) === unit) out.push(n);
      });
      return out;
    };
    // 基金收入 and 基金支出 (亿元), and a rate in %.
    const [income, spending] = rowsOf("亿元");
    const [rate] = rowsOf("%");
    expect(spending).toBeDefined();
    ws.getRow(spending!).getCell(col).value = "-5";
    ws.getRow(rate!).getCell(col).value = "97%%";
    const bad = join(root, "hs-units-bad.xlsx");
    await wb.xlsx.writeFile(bad);
    const refused = await runCli(["import", "observations", bad], env);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain("以“亿元”为单位的数值不能为负数，收到“-5”");
    expect(refused.stderr).toContain("请输入数字（单位：%），收到“97%%”");

    ws.getRow(income!).getCell(col).value = "33.6亿元";
    ws.getRow(spending!).getCell(col).value = "３２．２";
    ws.getRow(rate!).getCell(col).value = "";
    const good = join(root, "hs-units-good.xlsx");
    await wb.xlsx.writeFile(good);
    const saved = await runCli(["import", "observations", good], env);
    expect(saved.stderr).toBe("");
    expect(saved.stdout).toContain("已保存 2 个监测数据");
    const values = (await evaluate("420200", 2025)).indicators;
    expect(values.find((i) => i.name.includes("基金收入"))!.actual).toBe(33.6);
    expect(values.find((i) => i.name.includes("基金支出"))!.actual).toBe(32.2);
  });

  it("re-importing a plan updates it in place and keeps its observations", async () => {
    const before = await evaluate("黄石市", 2023);
    const sample = samplePlans.find((s) => s.key === "hubei-huangshi-city")!;
    const r = await runCli(["import", "plan", sample.path], env);
    expect(r.code).toBe(0);
    // The seeded sample's own file changes nothing: 无变化, no new version.
    expect(r.stdout).toMatch(/无变化：与已保存的规划 [0-9a-f-]+（第 1 版）相同，未生成新版本/);
    const after = await evaluate("黄石市", 2023);
    expect(after.indicators.map((i) => [i.id, i.actual])).toEqual(
      before.indicators.map((i) => [i.id, i.actual]),
    );
  });

  it("backup and restore move the data to another database", async () => {
    const file = join(root, "backup.json");
    const b = await runCli(["db", "backup", file], env);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/已备份 \d+ 张表、\d+ 行/);
    const other = { ...env, YBPLAN_DATA_DIR: join(root, "restored") };
    const r = await runCli(["db", "restore", file], other);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(await evaluate("黄石市", 2023, other)).toEqual(await evaluate("黄石市", 2023));
    const again = await runCli(["db", "restore", file], other);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain("确认覆盖请加 --force");
  });
});
