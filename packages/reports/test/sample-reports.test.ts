import { reportVerdictLabels as verdictLabels } from "@ybplan/domain/report";
import { describe, expect, it } from "vitest";
import { indicatorColumns, renderReport } from "../src/index.ts";
import { docxParagraphs, docxTables, readWorkbook, sheetRows } from "./read.ts";
import { samplePlans, sampleReport } from "./sample-plans.ts";

const text = (d: Uint8Array) => new TextDecoder().decode(d);

describe.each(samplePlans.map((s) => [s.key, s] as const))("%s: 2023 report", (_key, sample) => {
  const ready = sampleReport(sample);

  it("the model has every imported indicator, verdicts from the engine, breaches first", async () => {
    const { report, evaluate } = await ready;
    expect(report.indicators.length).toBeGreaterThan(5);
    for (const row of report.indicators) {
      const e = evaluate(row.id);
      // The report re-reads two cases only: a band beaten in the good direction is met, and a
      // target without a baseline is not "behind" for lack of a time-elapsed line.
      if (row.verdict !== e.verdict) {
        expect([`${e.verdict}->${row.verdict}`]).toContain(
          e.verdict === "behind" && row.method?.includes("无基期值")
            ? "behind->needsJudgement"
            : `${e.verdict}->achieved`,
        );
      } else expect(row.breach).toBe(e.breach);
      // One sentence, one value, one gap: the table's reason is the sentence after the name.
      expect(row.sentence).toBe(`${row.name}${row.reason}`);
      expect(row.reason.endsWith(`${row.verdictLabel}。`)).toBe(true);
      if (row.assessed.value !== null) expect(row.reason).toContain(row.assessed.text);
    }
    const firstOk = report.indicators.findIndex((r) => !r.breach);
    expect(
      report.indicators.slice(firstOk < 0 ? report.indicators.length : firstOk).some((r) => r.breach),
    ).toBe(false);
    const total = Object.values(report.counts.byVerdict).reduce((a, b) => a + b, 0);
    expect(total).toBe(report.indicators.length);
  });

  it("md", async () => {
    const { report } = await ready;
    const md = text((await renderReport(report, "md")).data);
    expect(md).toContain(`# ${report.title}`);
    for (const c of report.narrative.categories) expect(md).toContain(c.text);
    const rows = md
      .split("\n")
      .filter((l) => /^\| \d+ \| /.test(l))
      .slice(0, report.indicators.length);
    report.indicators.forEach((r, i) => {
      expect(rows[i]).toContain(`| ${(r.breach ? `${r.name}（未达标）` : r.name).replace(/\|/g, "\\|")} |`);
      expect(rows[i]!.endsWith(`| ${verdictLabels[r.verdict]} |`)).toBe(true);
    });
  });

  it("html", async () => {
    const { report } = await ready;
    const html = text((await renderReport(report, "html")).data);
    expect(html).toContain(`<title>${report.title.replace(/&/g, "&amp;")}</title>`);
    expect((html.match(/<svg\b/g) ?? []).length).toBe(report.charts.length);
    for (const r of report.indicators)
      expect(html).toContain(`<td class="v-${r.verdict}">${r.verdictLabel}</td>`);
  });

  it("docx: the indicator table row by row, narrative sentences, native charts", async () => {
    const { report } = await ready;
    const out = await renderReport(report, "docx");
    const paragraphs = await docxParagraphs(out.data);
    expect(paragraphs[0]).toBe(report.title);
    for (const s of [
      ...report.narrative.overview,
      ...report.narrative.categories.map((c) => c.text),
      ...report.narrative.tasks,
    ]) {
      expect(paragraphs).toContain(s);
    }
    const [table] = await docxTables(out.data);
    expect(table![0]).toEqual(indicatorColumns(report));
    expect(table!.length).toBe(report.indicators.length + 1);
    report.indicators.forEach((r, i) => {
      const row = table![i + 1]!;
      expect(row[0]).toBe(String(r.position));
      expect(row[2]).toBe(r.breach ? `${r.name}（未达标）` : r.name);
      expect(row[4]).toBe(r.attributeLabel);
      expect(row[6]).toBe(r.actual.text);
      expect(row[9]).toBe(r.gap?.text ?? "—");
      expect(row[10]).toBe(verdictLabels[r.verdict]);
    });
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(out.data);
    const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(Math.min(6, report.charts.length));
    expect(Object.keys(zip.files).some((f) => f.startsWith("word/media/"))).toBe(false);
  });

  it("xlsx: indicator rows with numbers and verdicts, task sheet", async () => {
    const { report } = await ready;
    const wb = await readWorkbook((await renderReport(report, "xlsx")).data);
    const rows = sheetRows(wb.getWorksheet("主要指标")!);
    const header = rows[0]!;
    const v = header.indexOf("评估结论");
    const y = header.indexOf("2023年");
    expect(rows.length).toBe(report.indicators.length + 1);
    report.indicators.forEach((r, i) => {
      expect(rows[i + 1]![2]).toBe(r.name);
      expect(rows[i + 1]![v]).toBe(r.verdictLabel);
      const scale = r.unit === "%" ? 0.01 : 1;
      if (r.actual.value !== null) expect(rows[i + 1]![y]).toBeCloseTo(r.actual.value * scale, 10);
      else expect(rows[i + 1]![y]).toBe(r.actual.text === "—" ? null : r.actual.text);
    });
    if (report.tasks.rows.length > 0) {
      const tasks = sheetRows(wb.getWorksheet("重点任务推进情况")!);
      expect(tasks.length).toBe(report.tasks.rows.length + 1);
    }
  });
});

describe("mid-term review of a sample plan", () => {
  it("grades every indicator in the review vocabulary and renders the section", async () => {
    const { report } = await sampleReport(samplePlans[0]!, 2023, "midTerm");
    const words = new Set(["提前实现", "快于预期", "基本符合预期", "滞后", "待研判", "暂无数据"]);
    for (const r of report.indicators) expect(words.has(r.reviewGradeLabel)).toBe(true);
    const md = text((await renderReport(report, "md")).data);
    expect(md).toContain("## 四、存在的问题及原因");
    expect(md).toContain(report.narrative.review[0]);
    // Every binding indicator graded 滞后 is named, and its cause is asked for.
    for (const r of report.indicators.filter(
      (x) => x.attribute === "binding" && x.reviewGrade === "lagging",
    )) {
      expect(report.narrative.review.join("")).toContain(r.name);
      expect(report.midTerm!.problems.join("")).toContain(r.sentence);
    }
  });
});
