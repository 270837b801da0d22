import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PlanDocument } from "@ybplan/domain/plan";
import { samplePlans } from "@ybplan/samples";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

const dataDir = mkdtempSync(join(tmpdir(), "ybplan-cli-basics-"));
const env = { YBPLAN_DATA_DIR: join(dataDir, "db") };

/** An error is one line, `ybplan: …`, with no stack trace. */
function expectOneLineError(stderr: string) {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ybplan: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("ybplan command line (no database needed)", () => {
  it("prints help with every command and the exit codes", async () => {
    const r = await runCli(["--help"], env);
    expect(r.code).toBe(0);
    for (const c of ["report", "evaluate", "import", "template", "db", "users"])
      expect(r.stdout).toContain(`  ${c}`);
    expect(r.stdout).toContain("退出码：0 成功；1 执行失败；2 用法错误；3 未找到");
  });

  it("exits 2 without a command, and for an unknown command or option", async () => {
    expect((await runCli([], env)).code).toBe(2);
    const unknown = await runCli(["frobnicate"], env);
    expect(unknown.code).toBe(2);
    expectOneLineError(unknown.stderr);
    expect(unknown.stderr).toContain("未知命令 frobnicate");
    const option = await runCli(["report", "--year", "2023", "--plan", "x", "--colour"], env);
    expect(option.code).toBe(2);
    expectOneLineError(option.stderr);
    expect(option.stderr).toContain("未知选项 --colour");
  });

  it("has --help on subcommands", async () => {
    const r = await runCli(["import", "plan", "--help"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("用法：ybplan import plan <文件>");
    const g = await runCli(["db", "--help"], env);
    expect(g.stdout).toMatch(/migrate[\s\S]*seed[\s\S]*backup[\s\S]*restore/);
  });

  it("checks report arguments before touching the database", async () => {
    const both = await runCli(["report", "--year", "2023"], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("请指定 --plan <规划> 或 --all");
    const year = await runCli(["report", "--all", "--year", "二〇二三"], env);
    expect(year.code).toBe(2);
    expectOneLineError(year.stderr);
    const format = await runCli(["report", "--all", "--year", "2023", "--format", "pdf"], env);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format 只能是 docx | xlsx | html | md");
  });

  it("import plan --dry-run --format json prints the importer's PlanDocument", async () => {
    const sample = samplePlans.find((s) => s.key === "hubei-huangshi-city")!;
    const r = await runCli(["import", "plan", sample.path, "--dry-run", "--format", "json"], env);
    expect(r.code).toBe(0);
    const doc = PlanDocument.parse(JSON.parse(r.stdout));
    expect(doc.plan.title).toContain("黄石市医疗保障事业发展");
    expect(doc.plan.jurisdictionCode).toBe("420200");
    expect(doc.indicators.length).toBeGreaterThan(10);
    expect(doc.indicators[0]!.target.text).not.toBe("");
  });

  it("import plan resolves relative paths against the caller's directory", async () => {
    const r = await runCli(
      ["import", "plan", "hubei-huangshi-city.txt", "--dry-run"],
      env,
      samplePlans[0]!.path.replace(/[^/]+$/, ""),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("规划：黄石市医疗保障事业发展");
    expect(r.stdout).toMatch(/主要指标 \d+ 项/);
  });

  it("exits 3 for a missing file and 4 for an unreadable one", async () => {
    const missing = await runCli(["import", "plan", join(dataDir, "nope.txt"), "--dry-run"], env);
    expect(missing.code).toBe(3);
    expectOneLineError(missing.stderr);
    expect(missing.stderr).toContain("找不到文件");
    const empty = join(dataDir, "empty.txt");
    writeFileSync(empty, "");
    const bad = await runCli(["import", "plan", empty, "--dry-run"], env);
    expect(bad.code).toBe(4);
    expectOneLineError(bad.stderr);
    expect(bad.stderr).toContain("empty.txt：");
  });
});
