import type { PlanDocument } from "@ybplan/domain/plan";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/index.ts";
import { fitRow } from "../src/table/fit-row.ts";

function importOk(text: string): PlanDocument {
  const r = importPlanText(text);
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
}

const frags = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

describe("fitRow: one cell per line, wrapped cells", () => {
  const kinds = ["category", "name", "definition", "target", "baseline"] as const;

  it("rejoins a wrapped name and keeps the category", () => {
    const fit = fitRow(
      frags("參保覆蓋", "基本醫療保險", "參保率", "全省參保人數/全省常住人口數", "95%以上", "95%以上"),
      kinds,
      true,
    );
    expect(fit?.cells.map((c) => c?.text ?? null)).toEqual([
      "參保覆蓋",
      "基本醫療保險參保率",
      "全省參保人數/全省常住人口數",
      "95%以上",
      "95%以上",
    ]);
    expect(fit?.ambiguous).toBe(false);
  });

  it("a continuation row leaves the category out", () => {
    const fit = fitRow(frags("基本醫療保險基金累計結余", "/", "保持在合理水平", "90億元"), kinds, true);
    expect(fit?.cells.map((c) => c?.text ?? null)).toEqual([
      null,
      "基本醫療保險基金累計結余",
      "/",
      "保持在合理水平",
      "90億元",
    ]);
  });

  it("a wrapped category and an empty definition cell", () => {
    const fit = fitRow(frags("優質", "服務", "醫療保障政務服務滿意率", "", "85%以上", "/"), kinds, true);
    expect(fit?.cells.map((c) => c?.text ?? null)).toEqual([
      "優質服務",
      "醫療保障政務服務滿意率",
      "",
      "85%以上",
      "/",
    ]);
  });

  it("too few pieces for the columns: no fit", () => {
    expect(fitRow(frags("只有名称率"), kinds, true)).toBeNull();
  });
});

describe("table reading reports what it cannot place or read, with line numbers", () => {
  const head = "某市医疗保障“十四五”规划\n\n一、主要目标\n\n";

  it("tab rows: too many or too few cells, unreadable cells, unknown attribute", () => {
    const doc = importOk(
      `${head}类别\t主要指标\t2020年\t2025年\t属性\n` +
        "参保覆盖\t基本医疗保险参保率(%)\t95\t≥97\t约束性\t多余\n" + // line 6
        "\t职工参保人数(万人)\t12\n" + // line 7: too few cells
        "\t住院费用报销比例(%)\t70\t待定\t重要\n" + // line 8
        "\n二、重点任务\n\n（一）任务。内容。\n",
    );
    expect(doc.indicators.map((i) => [i.name, i.baseline.text, i.target.text, i.attribute])).toEqual([
      ["基本医疗保险参保率", "95", "≥97", "binding"],
      ["职工参保人数", "12", "", "expected"],
      ["住院费用报销比例", "70", "待定", "expected"],
    ]);
    const w = doc.warnings.map((x) => [x.code, x.line]);
    expect(w).toContainEqual(["extraCells", 6]);
    expect(w).toContainEqual(["extraCells", 7]);
    expect(w).toContainEqual(["missingAttribute", 7]);
    expect(w).toContainEqual(["missingAttribute", 8]);
    // an empty target is "unrecognised (empty)", and so is the odd text: both reported
    expect(w.filter(([c]) => c === "unreadableCell").map(([, l]) => l)).toEqual([7, 8]);
  });

  it("one cell per line: a row that never reaches its attribute is reported, not dropped", () => {
    const doc = importOk(
      `${head}指标维度\n\n主要指标\n\n2020年\n\n2025年\n\n属性\n\n` +
        "参保覆盖\n\n基本医疗保险参保率（%）\n\n95\n\n≥97\n\n约束性\n\n" +
        "职工医保参保人数（万人）\n\n12\n\n" + // lines 25, 27: no attribute follows
        "二、重点任务\n\n（一）任务。内容。\n",
    );
    expect(doc.indicators.map((i) => i.name)).toEqual(["基本医疗保险参保率"]);
    expect(doc.warnings.filter((w) => w.code === "unplacedRow").map((w) => [w.line, w.text])).toEqual([
      [25, "职工医保参保人数（万人）"],
      [27, "12"],
    ]);
  });

  it("notes: a mark without a note, and a note without a row", () => {
    const doc = importOk(
      `${head}类别\t主要指标\t2020年\t2025年\t属性\n参保覆盖\t参保率(%)\t95\t≥97^①\t约束性\n\t报销比例(%)\t70\t75^②\t预期性\n\n注：①指每年。\n③指没有对应行的注释。\n\n二、重点任务\n`,
    );
    expect(doc.indicators.map((i) => i.footnote)).toEqual(["①指每年。", null]);
    expect(doc.indicators[0]?.assessment).toBe("eachYear");
    expect(doc.warnings.map((w) => [w.code, w.line])).toEqual([
      ["missingFootnote", 7],
      ["unusedFootnote", 10],
    ]);
  });

  it("a category missing from the first row, and a duplicate indicator", () => {
    const doc = importOk(
      `${head}类别\t主要指标\t2025年\t属性\n\t参保率(%)\t≥97\t约束性\n\t参保率(%)\t≥98\t约束性\n\n二、重点任务\n`,
    );
    expect(doc.indicators.map((i) => i.key)).toEqual(["/参保率", "/参保率#2"]);
    expect(doc.warnings.map((w) => w.code)).toEqual(["missingCategory", "duplicateIndicator"]);
  });

  it("a second indicator table is reported", () => {
    const table = "类别\t主要指标\t2025年\t属性\n覆盖\t参保率(%)\t≥97\t约束性\n";
    const doc = importOk(`${head}${table}\n二、重点任务\n\n${table}`);
    expect(doc.indicators).toHaveLength(1);
    expect(doc.warnings.map((w) => [w.code, w.line])).toEqual([["secondTable", 10]]);
  });

  it("a stray line between tab rows is reported and the table goes on", () => {
    const doc = importOk(
      `${head}类别\t主要指标\t2025年\t属性\n覆盖\t参保率(%)\t≥97\t约束性\n（续表）\n\t报销比例(%)\t75\t预期性\n\n二、重点任务\n`,
    );
    expect(doc.indicators.map((i) => [i.category, i.name])).toEqual([
      ["覆盖", "参保率"],
      ["覆盖", "报销比例"],
    ]);
    expect(doc.warnings.map((w) => [w.code, w.line, w.text])).toEqual([["unplacedRow", 7, "（续表）"]]);
  });
});

describe("Markdown pipe tables", () => {
  it("reads a pipe table with a rule line, bold cells and an empty category", () => {
    const md = [
      "# 某县医疗保障“十四五”规划",
      "",
      "## 一、主要目标",
      "",
      "| 类别 | 主要指标 | 2020年 | 2025年 | 指标属性 |",
      "| --- | :--- | ---: | --- | --- |",
      "| **参保覆盖** | 基本医疗保险参保率（%） | 95 | ≥96<sup>①</sup> | 约束性 |",
      "|  | 职工参保人数（万人） | 2.1 | 2.5 | 预期性 |",
      "",
      "注：①指年均参保率。",
      "",
      "## 二、重点任务",
    ].join("\n");
    const r = importPlanText(md, { format: "markdown" });
    if (Result.isFailure(r)) throw new Error(r.failure.message);
    expect(
      r.success.indicators.map((i) => [
        i.category,
        i.name,
        i.unit,
        i.baseline.text,
        i.target.text,
        i.assessment,
        i.line,
      ]),
    ).toEqual([
      ["参保覆盖", "基本医疗保险参保率", "%", "95", "≥96<sup>①</sup>", "periodAverage", 7],
      ["参保覆盖", "职工参保人数", "万人", "2.1", "2.5", "endOfPeriod", 8],
    ]);
    expect(r.success.warnings).toEqual([]);
  });

  it("a table without an attribute column: one warning for the table, rows expected", () => {
    const head = "某市医疗保障“十四五”规划\n\n一、主要目标\n\n";
    const doc = importOk(
      `${head}类别\t主要指标\t2020年\t2025年\n覆盖\t参保率(%)\t95\t≥97\n\t报销比例(%)\t70\t75\n\n二、重点任务\n`,
    );
    expect(doc.indicators.map((i) => [i.name, i.attribute])).toEqual([
      ["参保率", "expected"],
      ["报销比例", "expected"],
    ]);
    expect(doc.warnings.map((w) => [w.code, w.line])).toEqual([["missingAttribute", 5]]);
  });
});
