import { verdictLabels } from "@ybplan/domain/evaluation";
import { describe, expect, it } from "vitest";
import { indicatorColumns, renderReport, reportFormats, verdictFill } from "../src/index.ts";
import { docxParagraphs, docxTables, docxXml, readWorkbook, sheetRows } from "./read.ts";
import { fixtureReport } from "./fixture.ts";

const text = (d: Uint8Array) => new TextDecoder().decode(d);

describe("renderReport on a constructed plan", () => {
  const report = fixtureReport("annual");

  it("names files and mime types per format", async () => {
    for (const f of reportFormats) {
      const out = await renderReport(report, f, { charts: f !== "docx" });
      expect(out.fileName).toBe(`440700-江门市-2023-年度监测报告.${f}`);
      expect(out.data.byteLength).toBeGreaterThan(500);
    }
  });

  it("md: headings, narrative, the indicator table with breaches first", async () => {
    const md = text((await renderReport(report, "md")).data);
    expect(md.startsWith(`# ${report.title}`)).toBe(true);
    expect(md).toContain("## 二、主要指标完成情况");
    expect(md).toContain("截至2023年底，全市基本医疗保险参保率为97.2%，高于约束性目标0.2个百分点，已达成。");
    const rows = md.split("\n").filter((l) => /^\| \d+ \|/.test(l));
    // First table: breach row first.
    expect(rows[0]).toContain("个人卫生支出占卫生总费用的比例");
    expect(rows[0]).toContain("进度滞后");
    expect(md).toContain("| 专栏7 | 1 | 智能监控系统建设 | 推进中 | — |");
    expect(md).toContain("## 六、药品和医用耗材集中带量采购");
    expect(md).toContain("鹤山市");
  });

  it("html: self-contained, print CSS, inline SVG charts, verdict classes", async () => {
    const html = text((await renderReport(report, "html")).data);
    expect(html).toContain("<!DOCTYPE html>");
    expect(html).toContain("@page{size:A4;margin:37mm 26mm 35mm 28mm}");
    expect(html).toContain("thead{display:table-header-group}");
    expect(html).not.toMatch(/<(link|script)\b/);
    expect(html).not.toMatch(/src="http/);
    const svgs = html.match(/<svg\b/g) ?? [];
    expect(svgs.length).toBe(report.charts.length);
    expect(html).toContain('<td class="v-behind">进度滞后</td>');
    expect(html).toContain("<tr class=\"breach\">");
    expect(html).toContain(report.narrative.breaches[0]);
  });

  it("docx: GB/T 9704 page, fonts, repeated headers, page numbers, content", async () => {
    const out = await renderReport(report, "docx");
    const xml = await docxXml(out.data);
    // A4 with margins 37/35/28/26 mm in twips.
    expect(xml).toContain('w:w="11906"');
    expect(xml).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    expect(xml).toContain("<w:tblHeader/>");
    // Fonts and sizes live in paragraph styles: title 小标宋 二号 (44 half-points), body 仿宋 三号 (32),
    // level-1 headings 黑体, level-2 楷体.
    const styles = await docxXml(out.data, "word/styles.xml");
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? "";
    expect(style("ybTitle")).toContain('w:eastAsia="方正小标宋简体"');
    expect(style("ybTitle")).toContain('<w:sz w:val="44"/>');
    expect(style("ybBody")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style("ybBody")).toContain('<w:sz w:val="32"/>');
    expect(style("ybBody")).toMatch(/w:line="579"[^>]*w:lineRule="exact"|w:lineRule="exact"[^>]*w:line="579"/);
    expect(style("ybHeading1")).toContain('w:eastAsia="黑体"');
    expect(style("ybHeading2")).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toContain('<w:pStyle w:val="ybTitle"/>');
    expect(xml).toContain('<w:pStyle w:val="ybHeading1"/>');
    const footer = await docxXml(out.data, "word/footer1.xml");
    expect(footer).toContain("PAGE");
    expect(footer).toContain("— ");
    const paragraphs = await docxParagraphs(out.data);
    expect(paragraphs[0]).toBe(report.title);
    for (const s of report.narrative.indicators) expect(paragraphs).toContain(s);
    const tables = await docxTables(out.data);
    const indicatorTable = tables[0]!;
    expect(indicatorTable[0]).toEqual(indicatorColumns(report));
    expect(indicatorTable.length).toBe(1 + report.indicators.length);
    report.indicators.forEach((r, i) => {
      expect(indicatorTable[i + 1]![2]).toBe(r.name);
      expect(indicatorTable[i + 1]![8]).toBe(verdictLabels[r.verdict]);
    });
    // The verdict cell is filled with the verdict's colour.
    expect(xml).toContain(`w:fill="${verdictFill.behind}"`);
    // The figure is a PNG.
    const zip = (await import("jszip")).default;
    const files = Object.keys((await zip.loadAsync(out.data)).files);
    const png = files.find((f) => f.startsWith("word/media/") && f.endsWith(".png"));
    expect(png).toBeDefined();
  });

  it("xlsx: indicator sheet with numbers, verdict fills, frozen header, filter; a sheet per table", async () => {
    const wb = await readWorkbook((await renderReport(report, "xlsx")).data);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["报告正文", "主要指标"]);
    expect(names).toEqual(expect.arrayContaining(["主要指标历年实际值", "评估说明", "重点任务推进情况", "专栏工程项目进展", "下级规划主要指标评估汇总", "集中带量采购批次"]));
    const ws = wb.getWorksheet("主要指标")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const rows = sheetRows(ws);
    const header = rows[0]!;
    const verdictIdx = header.indexOf("评估结论");
    const y2023 = header.indexOf("2023年");
    expect(rows.length).toBe(1 + report.indicators.length);
    report.indicators.forEach((r, i) => {
      expect(rows[i + 1]![2]).toBe(r.name);
      expect(rows[i + 1]![verdictIdx]).toBe(r.verdictLabel);
      if (r.actual.value !== null) expect(rows[i + 1]![y2023]).toBe(r.actual.value);
      const fill = ws.getRow(i + 2).getCell(verdictIdx + 1).fill;
      expect(fill).toMatchObject({ fgColor: { argb: `FF${verdictFill[r.verdict]}` } });
    });
    const narrative = sheetRows(wb.getWorksheet("报告正文")!).map((r) => r[0]);
    expect(narrative).toContain(report.narrative.overview[1]);
  });

  it("mid-term: review section and grades in every format", async () => {
    const mid = fixtureReport("midTerm");
    const md = text((await renderReport(mid, "md")).data);
    expect(md).toContain("## 三、中期评估结论");
    expect(md).toContain(mid.narrative.review[0]);
    const paragraphs = await docxParagraphs((await renderReport(mid, "docx", { charts: false })).data);
    expect(paragraphs).toContain("三、中期评估结论");
    const wb = await readWorkbook((await renderReport(mid, "xlsx")).data);
    const rows = sheetRows(wb.getWorksheet("主要指标")!);
    const idx = rows[0]!.indexOf("中期评估");
    expect(rows.slice(1).map((r) => r[idx])).toEqual(mid.indicators.map((r) => r.reviewGradeLabel));
  });
});

describe("downloadHeaders", () => {
  it("names the file in UTF-8 with an ASCII fallback", async () => {
    const { downloadHeaders } = await import("../src/index.ts");
    const file = await renderReport(fixtureReport(), "md");
    const h = downloadHeaders(file);
    expect(h["Content-Type"]).toBe("text/markdown; charset=utf-8");
    expect(h["Content-Length"]).toBe(String(file.data.byteLength));
    expect(h["Content-Disposition"]).toBe(
      `attachment; filename="440700-___-2023-______.md"; filename*=UTF-8''${encodeURIComponent("440700-江门市-2023-年度监测报告.md")}`,
    );
  });
});
