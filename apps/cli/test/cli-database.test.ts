import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verdictLabels } from "@ybplan/domain/evaluation";
import { samplePlans } from "@ybplan/samples";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

/** The commands that work on the embedded database, end to end, in one fresh data directory. */

const root = mkdtempSync(join(tmpdir(), "ybplan-cli-db-"));
const env = { YBPLAN_DATA_DIR: join(root, "db"), DATABASE_URL: undefined };

interface EvaluateJson {
  counts: { total: number; binding: { breaches: number } };
  indicators: {
    id: string;
    name: string;
    verdict: keyof typeof verdictLabels;
    verdictLabel: string;
    breach: boolean;
    actual: number | string;
  }[];
}

async function evaluate(plan: string, year: number, e = env): Promise<EvaluateJson> {
  const r = await runCli(["evaluate", "--plan", plan, "--year", String(year), "--format", "json"], e);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as EvaluateJson;
}

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
    expect(md).toMatch(/截至2023年底，全县基本医疗保险参保率为[\d.]+%/);
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
    expect(lines[1]).toContain("应填写数值，收到“很高”");
    expect(lines[2]).toContain("百分比应在 0–100 之间");
    expect((await evaluate("341723", 2024)).indicators.find((i) => i.name === name)!.actual).toBe(96.8);
  });

  it("re-importing a plan updates it in place and keeps its observations", async () => {
    const before = await evaluate("黄石市", 2023);
    const sample = samplePlans.find((s) => s.key === "hubei-huangshi-city")!;
    const r = await runCli(["import", "plan", sample.path], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已更新规划 [0-9a-f-]+（第 \d+ 版）/);
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
