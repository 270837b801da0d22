import { reportVerdictLabels as verdictLabels } from "@ybplan/domain/report";
import { describe, expect, it } from "vitest";
import { indicatorColumns, renderReport, reportFormats, verdictFill } from "../src/index.ts";
import { fixtureReport } from "./fixture.ts";
import { docxParagraphs, docxTables, docxXml, readWorkbook, sheetRows } from "./read.ts";

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
    expect(md).toContain("基本医疗保险参保率2023年为97.2%，高于约束性目标（97%）0.2个百分点，已达成");
    // 主送机关 under the title, 落款 and date at the end.
    expect(md.split("\n")[2]).toBe(`${report.recipient}：`);
    expect(md).toContain(`${report.issuingBureau}<br>2024年1月15日`);
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
    expect(html).toContain('<tr class="breach">');
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
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? "";
    expect(style("ybTitle")).toContain('w:eastAsia="方正小标宋简体"');
    expect(style("ybTitle")).toContain('<w:sz w:val="44"/>');
    expect(style("ybBody")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(style("ybBody")).toContain('<w:sz w:val="32"/>');
    expect(style("ybBody")).toMatch(
      /w:line="579"[^>]*w:lineRule="exact"|w:lineRule="exact"[^>]*w:line="579"/,
    );
    expect(style("ybHeading1")).toContain('w:eastAsia="黑体"');
    expect(style("ybHeading2")).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toContain('<w:pStyle w:val="ybTitle"/>');
    expect(xml).toContain('<w:pStyle w:val="ybHeading1"/>');
    // §7.5 page numbers: "— N —" 4号 (28 half-points) 宋体, right on odd pages and left on even ones.
    const settings = await docxXml(out.data, "word/settings.xml");
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    const sectPr = /<w:sectPr>(?:(?!<\/w:sectPr>)[\s\S])*<\/w:sectPr>\s*<\/w:body>/.exec(xml)?.[0] ?? "";
    // The first section names the two footers; later (landscape) sections inherit them.
    const footerRef = (type: string) =>
      new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`).exec(xml)?.[1];
    expect(xml.match(/<w:footerReference w:type="default"/g)?.length).toBe(1);
    const rels = await docxXml(out.data, "word/_rels/document.xml.rels");
    const target = (id: string | undefined) =>
      new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? `Target of ${id}`;
    const odd = await docxXml(out.data, `word/${target(footerRef("default"))}`);
    const even = await docxXml(out.data, `word/${target(footerRef("even"))}`);
    for (const f of [odd, even]) {
      expect(f).toContain("PAGE");
      expect(f).toContain("— ");
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('w:eastAsia="宋体"');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    // The 22-line document grid: line pitch 28.95 pt, character pitch for 28 characters a line.
    expect(sectPr).toMatch(/<w:docGrid [^>]*w:linePitch="579"/);
    expect(sectPr).toMatch(/<w:docGrid [^>]*w:charSpace="-\d+"/);
    // Table text keeps its own line height: every cell paragraph is off the grid.
    const cellParagraphs = xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
    expect(cellParagraphs.length).toBeGreaterThan(0);
    for (const c of cellParagraphs) expect(c).toContain('<w:snapToGrid w:val="0"/>');
    // East-Asian text tagged zh-CN; every GB font declared with its GB2312 charset and a fallback.
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    const fonts = await docxXml(out.data, "word/fontTable.xml");
    for (const [name, alt] of [
      ["仿宋_GB2312", "仿宋"],
      ["方正小标宋简体", "宋体"],
      ["楷体_GB2312", "楷体"],
      ["黑体", "SimHei"],
    ]) {
      const entry = new RegExp(`<w:font w:name="${name}">[\\s\\S]*?</w:font>`).exec(fonts)?.[0] ?? "";
      expect(entry).toContain(`<w:altName w:val="${alt}"/>`);
      expect(entry).toContain('<w:charset w:val="86"/>');
    }
    // 主送机关 right under the title; 落款 and 成文日期 right-aligned at the end.
    const body = await docxParagraphs(out.data);
    expect(body[1]).toBe(`${report.recipient}：`);
    expect(body.slice(-2)).toEqual([report.issuingBureau, "2024年1月15日"]);
    expect(xml).toContain('<w:pStyle w:val="ybSignature"/>');
    // The wide indicator table sits in a landscape section.
    expect(xml).toMatch(/<w:tbl>[\s\S]*?<\/w:tbl>[\s\S]*?<w:pgSz [^>]*w:orient="landscape"/);
    const paragraphs = await docxParagraphs(out.data);
    expect(paragraphs[0]).toBe(report.title);
    for (const c of report.narrative.categories) expect(paragraphs).toContain(c.text);
    const tables = await docxTables(out.data);
    const indicatorTable = tables[0]!;
    expect(indicatorTable[0]).toEqual(indicatorColumns(report));
    expect(indicatorTable.length).toBe(1 + report.indicators.length);
    report.indicators.forEach((r, i) => {
      expect(indicatorTable[i + 1]![2]).toBe(r.breach ? `${r.name}（未达标）` : r.name);
      expect(indicatorTable[i + 1]![10]).toBe(verdictLabels[r.verdict]);
    });
    // The verdict cell is filled with the verdict's colour.
    expect(xml).toContain(`w:fill="${verdictFill.behind}"`);
    // The figure is native charts (docx-charts.test.ts checks them), not an image.
    const zip = (await import("jszip")).default;
    const files = Object.keys((await zip.loadAsync(out.data)).files);
    expect(files).toContain("word/charts/chart1.xml");
    expect(files.some((f) => f.startsWith("word/media/"))).toBe(false);
  });

  it("xlsx: indicator sheet with numbers, verdict fills, frozen header, filter; a sheet per table", async () => {
    const wb = await readWorkbook((await renderReport(report, "xlsx")).data);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["报告正文", "主要指标"]);
    expect(names).toEqual(
      expect.arrayContaining([
        "主要指标历年实际值",
        "评估说明",
        "重点任务推进情况",
        "专栏工程项目进展",
        "下级规划主要指标评估汇总",
        "集中带量采购批次",
      ]),
    );
    const ws = wb.getWorksheet("主要指标")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1 });
    // Printed on A4 landscape, one page wide, the header row on every page.
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      printTitlesRow: "1:1",
    });
    expect(ws.autoFilter).toBeTruthy();
    const rows = sheetRows(ws);
    const header = rows[0]!;
    const verdictIdx = header.indexOf("评估结论");
    const y2023 = header.indexOf("2023年");
    expect(rows.length).toBe(1 + report.indicators.length);
    report.indicators.forEach((r, i) => {
      expect(rows[i + 1]![2]).toBe(r.name);
      expect(rows[i + 1]![verdictIdx]).toBe(r.verdictLabel);
      // Percentages are stored as fractions with a % format, so people can recompute.
      const scale = r.unit === "%" ? 0.01 : 1;
      if (r.actual.value !== null) expect(rows[i + 1]![y2023]).toBeCloseTo(r.actual.value * scale, 10);
      if (r.unit === "%") expect(ws.getRow(i + 2).getCell(y2023 + 1).numFmt).toBe("0.00%");
      // Target text beside its number; the gap recomputes from the cells.
      expect(rows[i + 1]![header.indexOf("目标值")]).toBe(r.target.text);
      const cell = (c: string) => rows[i + 1]![header.indexOf(c)] as number | null;
      const gap = cell("差距");
      if (gap !== null && r.gap?.against === "line" && r.direction !== "lower")
        expect(gap).toBeCloseTo(cell("评估依据值")! - cell("时序进度要求")!, 8);
      const fill = ws.getRow(i + 2).getCell(verdictIdx + 1).fill;
      expect(fill).toMatchObject({ fgColor: { argb: `FF${verdictFill[r.verdict]}` } });
    });
    const narrative = sheetRows(wb.getWorksheet("报告正文")!).map((r) => r[0]);
    expect(narrative).toContain(report.narrative.overview[1]);
    expect(narrative.slice(-2)).toEqual([report.issuingBureau, "2024年1月15日"]);
    expect(narrative[1]).toBe(`${report.recipient}：`);
  });

  it("mid-term: its own chapters, grades in every format, one count everywhere", async () => {
    const mid = fixtureReport("midTerm");
    const md = text((await renderReport(mid, "md")).data);
    const headings = md
      .split("\n")
      .filter((l) => l.startsWith("## "))
      .map((l) => l.slice(3));
    expect(headings.slice(0, 6)).toEqual([
      "一、总体进展和主要成效",
      "二、主要指标评估",
      "三、重点任务和专栏工程评估",
      "四、存在的问题及原因",
      "五、后半程工作措施",
      "六、指标调整建议",
    ]);
    expect(md).toContain(mid.narrative.review[0]);
    for (const s of [...mid.midTerm!.problems, ...mid.midTerm!.measures, ...mid.midTerm!.adjustments])
      expect(md).toContain(s);
    // The overview, the review paragraph and the grade table count the same 滞后.
    const lagging = mid.indicators.filter((r) => r.reviewGradeLabel === "滞后").length;
    expect(mid.narrative.overview[1]).toContain(`滞后${lagging}项`);
    expect(mid.narrative.review[0]).toContain(`滞后${lagging}项`);
    const paragraphs = await docxParagraphs((await renderReport(mid, "docx", { charts: false })).data);
    expect(paragraphs).toContain("二、主要指标评估");
    const [gradeTable] = await docxTables((await renderReport(mid, "docx", { charts: false })).data);
    expect(gradeTable!.slice(1).filter((r) => r.at(-1) === "滞后").length).toBe(lagging);
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
