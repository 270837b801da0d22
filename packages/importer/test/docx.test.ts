import { Effect, Result } from "effect";
import { readSamplePlan } from "@ybplan/samples";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { importPlanDocument, importPlanText, runImport } from "../src/index.ts";
import { huangshi } from "./golden/huangshi.ts";
import { qingyang } from "./golden/qingyang.ts";
import { buildDocx } from "./support/build-docx.ts";
import { expectIndicatorTable, outlineLevels, projectItemCounts } from "./support/golden.ts";

describe(".docx built in the test from a sample plan's text", () => {
  it("Huangshi: real Word table with merged category cells and superscript marks reads like the text", async () => {
    const bytes = await buildDocx(readSamplePlan("hubei-huangshi-city"));
    // the file really is a Word document with a table whose categories span rows
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain("<table>");
    expect(html).toMatch(/rowspan="3"/);
    expect(html).toContain("<sup>①</sup>");

    const doc = await Effect.runPromise(importPlanDocument({ bytes, fileName: "黄石市规划.docx" }));
    expect(doc.source).toEqual({ fileName: "黄石市规划.docx", format: "docx", encoding: null });
    expect(doc.plan).toMatchObject(huangshi.plan);
    // marks arrive as <sup>① </sup> instead of "^①": the cell text differs only there
    const golden = {
      ...huangshi,
      rows: huangshi.rows.map((r) => ({ ...r, target: r.target.replace(/ \^([①-⑳])/, "<sup>$1</sup>") })),
    };
    expectIndicatorTable(doc, golden);
    expect(doc.indicators[0]?.assessment).toBe("periodAverage");
    expect(outlineLevels(doc)).toEqual(huangshi.outline);
    expect(projectItemCounts(doc)).toEqual(huangshi.projects);
  });

  it("Qingyang: the same document as .docx and as text give the same indicators, tasks and projects", async () => {
    const text = readSamplePlan("anhui-qingyang-county");
    const fromText = importPlanText(text);
    const fromDocx = await runImport({ bytes: await buildDocx(text), fileName: "qingyang.docx" });
    if (Result.isFailure(fromText) || Result.isFailure(fromDocx)) throw new Error("import failed");
    const strip = (d: typeof fromText.success) => ({
      indicators: d.indicators.map(({ line: _l, source: _s, baseline, target, ...rest }) => ({
        ...rest,
        baseline: baseline.expression,
        target: target.expression,
      })),
      tasks: d.tasks.map(({ line: _l, ...t }) => t),
      projects: d.projects.map((p) => ({ number: p.number, title: p.title, items: p.items.map((i) => i.title) })),
      footnotes: d.footnotes,
    });
    expect(strip(fromDocx.success)).toEqual(strip(fromText.success));
    expect(outlineLevels(fromDocx.success)).toEqual(qingyang.outline);
  });
});
