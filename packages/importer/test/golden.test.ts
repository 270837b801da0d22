import { readFileSync } from "node:fs";
import { PlanDocument } from "@ybplan/domain/plan";
import { readSamplePlan, samplePlans } from "@ybplan/samples";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/index.ts";
import { goldenPlans } from "./golden/index.ts";
import { expectIndicatorTable, outlineLevels, projectItemCounts } from "./support/golden.ts";

function importSample(key: string): PlanDocument {
  const r = importPlanText(readSamplePlan(key as never), { fileName: `${key}.txt` });
  if (Result.isFailure(r)) throw new Error(`import failed: ${r.failure.message}`);
  return r.success;
}

describe.each(goldenPlans.map((g) => [g.key, g] as const))("golden: %s", (key, golden) => {
  const doc = importSample(key);

  it("is a valid PlanDocument (the stable JSON form)", () => {
    expect(() => PlanDocument.parse(doc)).not.toThrow();
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("reads the metadata", () => {
    expect(doc.plan).toMatchObject({
      ...golden.plan,
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
    });
  });

  it("reads the complete indicator table, cell by cell", () => {
    expectIndicatorTable(doc, golden);
    expect(doc.indicators.every((i) => i.confidence === "table")).toBe(true);
    expect(doc.indicators.map((i) => i.position)).toEqual(golden.rows.map((_, n) => n + 1));
  });

  it("parses every baseline and target cell it keeps (only shifted cells stay unrecognised)", () => {
    const unread = doc.indicators.flatMap((i) =>
      [i.baseline, i.target].filter((c) => c.expression.kind === "unrecognised").map((c) => c.text),
    );
    const shifted = doc.warnings.filter((w) => w.code === "shiftedCell").map((w) => w.text);
    expect(unread).toEqual(shifted);
  });

  it("counts the outline entries by level", () => {
    expect(outlineLevels(doc)).toEqual(golden.outline);
  });

  it("reads every 专栏 box with its items", () => {
    expect(projectItemCounts(doc)).toEqual(golden.projects);
    for (const p of doc.projects) {
      for (const item of p.items) expect(item.title.length).toBeGreaterThan(0);
    }
  });

  it("keys are unique and stable across imports", () => {
    const again = importSample(key);
    expect(again.indicators.map((i) => i.key)).toEqual(doc.indicators.map((i) => i.key));
    expect(new Set(doc.indicators.map((i) => i.key)).size).toBe(doc.indicators.length);
    expect(new Set(doc.tasks.map((t) => t.key)).size).toBe(doc.tasks.length);
    const itemKeys = doc.projects.flatMap((p) => p.items.map((i) => i.key));
    expect(new Set(itemKeys).size).toBe(itemKeys.length);
  });

  it("points every row to its source line", () => {
    const lines = readFileSync(samplePlans.find((s) => s.key === key)?.path ?? "", "utf8").split("\n");
    for (const i of doc.indicators) {
      const src = lines[i.line - 1] ?? "";
      // the row's first line holds its category or the start of its name
      const category = i.source?.category ?? "";
      const name = i.source?.name ?? "";
      expect(src.includes(name.slice(0, 4)) || (category !== "" && src.includes(category.slice(0, 2)))).toBe(
        true,
      );
    }
  });
});

describe("golden specifics", () => {
  it("Huangshi: footnote ① makes the 96% a yearly average; consumables' 个 normalised with a warning", () => {
    const doc = importSample("hubei-huangshi-city");
    const rate = doc.indicators[0];
    expect(rate?.assessment).toBe("periodAverage");
    expect(rate?.target.footnoteMarks).toEqual(["①"]);
    expect(doc.footnotes.map((f) => f.mark)).toEqual(["①", "②", "③", "④"]);
    expect(doc.warnings.map((w) => [w.code, w.line])).toEqual([["unitNormalised", 218]]);
    // the table's caption box 专栏1 is not a project
    expect(doc.projects.some((p) => p.number === "专栏1")).toBe(false);
  });

  it("Qingyang: footnote ① means every year; 个人卫生支出 share is lower-is-better", () => {
    const doc = importSample("anhui-qingyang-county");
    expect(doc.indicators[0]?.assessment).toBe("eachYear");
    const oop = doc.indicators.find((i) => i.name.startsWith("个人卫生支出"));
    expect(oop?.direction).toBe("lower");
    expect(doc.warnings).toEqual([]);
  });

  it("Nanyang: the shifted 预期性 target cell is reported with its line", () => {
    const doc = importSample("henan-nanyang-city");
    expect(doc.warnings.map((w) => [w.code, w.line, w.text])).toEqual([["shiftedCell", 106, "预期性"]]);
    expect(doc.indicators.every((i) => i.baseline.expression.kind === "notApplicable")).toBe(true);
  });

  it("Hunan: target column before baseline; compound and milestone cells; wrapped cells rejoined", () => {
    const doc = importSample("hunan-province");
    const procurement = doc.indicators[8];
    expect(procurement?.target.expression.kind).toBe("compound");
    const pooling = doc.indicators[10];
    expect(pooling?.target.expression).toEqual({
      kind: "milestone",
      steps: ["巩固市级统筹", "适时推进省级统筹"],
    });
    expect(pooling?.baseline.expression).toEqual({ kind: "milestone", steps: ["市级统筹"] });
    // the original traditional texts are kept beside the simplified ones
    expect(doc.indicators[0]?.source).toEqual({
      category: "參保覆蓋",
      name: "基本醫療保險參保率",
      definition: "全省參保人數/全省常住人口數",
      attribute: "約束性",
    });
    // the one split that could go two ways is reported, not silently chosen
    expect(doc.warnings.map((w) => [w.code, w.line])).toEqual([["ambiguousSplit", 411]]);
  });

  it("Heshan: a draft; its table of contents is not part of the outline", () => {
    const doc = importSample("guangdong-heshan-city");
    expect(doc.tasks[0]).toMatchObject({
      number: "一、",
      title: "编制背景",
      line: 41,
      level: 1,
      parentKey: null,
    });
    expect(doc.tasks.filter((t) => t.line < 41)).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it("outline entries carry their text and parent; page-number debris is gone", () => {
    const doc = importSample("hubei-huangshi-city");
    const t = doc.tasks.find((x) => x.title === "提升基本医保参保质量");
    expect(t).toMatchObject({ number: "一、", level: 3, line: 236, parentKey: "t3.1" });
    expect(t?.text.startsWith("依法依规分类参保。")).toBe(true);
    // the box inside this task is a project, not task text
    expect(t?.text.includes("加强数据库建设")).toBe(false);
    for (const x of doc.tasks) expect(x.title).not.toMatch(/·|\t|\d+\s*-?$/);
    // a paragraph cut by a page break is joined again ("…增强医保系统党员" / "干部廉政意识…")
    const first = doc.tasks.find((x) => x.title === "发展成效");
    expect(first?.text).toContain("增强医保系统党员干部廉政意识");
  });
});
