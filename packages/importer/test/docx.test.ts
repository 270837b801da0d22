import { readSamplePlan } from "@ybplan/samples";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { Effect, Result } from "effect";
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
      projects: d.projects.map((p) => ({
        number: p.number,
        title: p.title,
        items: p.items.map((i) => i.title),
      })),
      footnotes: d.footnotes,
    });
    expect(strip(fromDocx.success)).toEqual(strip(fromText.success));
    expect(outlineLevels(fromDocx.success)).toEqual(qingyang.outline);
  });

  it("headings numbered by Word itself (heading styles, no typed numbers) still make the outline", async () => {
    const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
      new Paragraph({ text, heading });
    const doc = new Document({
      sections: [
        {
          children: [
            h("某市医疗保障“十四五”规划", HeadingLevel.TITLE),
            h("总体要求", HeadingLevel.HEADING_1),
            h("指导思想", HeadingLevel.HEADING_2),
            new Paragraph("以人民健康为中心。"),
            h("发展目标", HeadingLevel.HEADING_2),
            new Paragraph("到2025年，基本医疗保险参保率稳定在95%以上。"),
            h("重点任务", HeadingLevel.HEADING_1),
            h("健全制度", HeadingLevel.HEADING_2),
            new Paragraph("完善基本医疗保险制度。"),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const r = await runImport({ bytes, fileName: "auto-numbered.docx" });
    if (Result.isFailure(r)) throw new Error(r.failure.message);
    expect(r.success.plan.title).toBe("某市医疗保障“十四五”规划");
    expect(r.success.tasks.map((t) => [t.title, t.level, t.key, t.parentKey, t.text])).toEqual([
      ["总体要求", 1, "t1", null, ""],
      ["指导思想", 2, "t1.1", "t1", "以人民健康为中心。"],
      ["发展目标", 2, "t1.2", "t1", "到2025年，基本医疗保险参保率稳定在95%以上。"],
      ["重点任务", 1, "t2", null, ""],
      ["健全制度", 2, "t2.1", "t2", "完善基本医疗保险制度。"],
    ]);
    // no table: the goals section's prose gives the indicator, flagged
    expect(r.success.indicators.map((i) => [i.name, i.target.text, i.confidence])).toEqual([
      ["基本医疗保险参保率", "稳定在95%以上", "prose"],
    ]);
  });
});
