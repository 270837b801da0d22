import type { PlanReport, TrajectorySeries } from "@ybplan/domain/report";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  chartTitle,
  pickCharts,
  renderReport,
  trajectoryChartXml,
  trajectoryWorkbook,
} from "../src/index.ts";
import { fixtureReport } from "./fixture.ts";
import { readWorkbook } from "./read.ts";
import { samplePlans, sampleReport } from "./sample-plans.ts";

/**
 * The docx figure is native DrawingML line charts: each chart is a part of its own with its data
 * in an embedded workbook, wired up by relationships and content types, and every number in it is
 * the report model's (the same values 表1 and 表2 print).
 */

const CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package";

interface ChartSeriesRead {
  readonly name: string;
  readonly categories: string[];
  readonly values: (number | null)[];
  readonly valueRef: string;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

function points(xml: string, count: number): (number | null)[] {
  const out: (number | null)[] = Array.from({ length: count }, () => null);
  for (const m of xml.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g))
    out[Number(m[1])] = Number(m[2]);
  return out;
}

function readSeries(chartXml: string): ChartSeriesRead[] {
  return [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser!)![1]!;
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser!)![1]!;
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser!)![1]!;
    const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(val)![1]);
    return {
      name: unescapeXml(name),
      categories: [...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]!),
      values: points(val, count),
      valueRef: /<c:f>([^<]*)<\/c:f>/.exec(val)![1]!,
    };
  });
}

function relationships(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship ([^>]*)\/>/g)].map(([, attrs]) => ({
    id: /Id="([^"]*)"/.exec(attrs!)![1]!,
    type: /Type="([^"]*)"/.exec(attrs!)![1]!,
    target: /Target="([^"]*)"/.exec(attrs!)![1]!,
  }));
}

interface DocxChart {
  readonly path: string;
  readonly xml: string;
  readonly series: ChartSeriesRead[];
  readonly workbook: Uint8Array;
}

/** The charts of a docx in document order, each found through the document's relationship ids. */
async function docxCharts(
  data: Uint8Array,
): Promise<{ zip: JSZip; charts: DocxChart[]; contentTypes: string }> {
  const zip = await JSZip.loadAsync(data);
  const read = (p: string) => zip.file(p)!.async("string");
  const document = await read("word/document.xml");
  const rels = relationships(await read("word/_rels/document.xml.rels"));
  const contentTypes = await read("[Content_Types].xml");
  const charts: DocxChart[] = [];
  for (const [, id] of document.matchAll(/<c:chart [^>]*r:id="([^"]+)"\/>/g)) {
    const rel = rels.find((r) => r.id === id);
    expect(rel, `relationship ${id}`).toBeDefined();
    expect(rel!.type).toBe(CHART);
    const path = `word/${rel!.target}`;
    const xml = await read(path);
    const own = relationships(await read(path.replace("charts/", "charts/_rels/").concat(".rels")));
    const externalId = /<c:externalData r:id="([^"]+)">/.exec(xml)?.[1];
    const embedded = own.find((r) => r.id === externalId);
    expect(embedded?.type).toBe(PACKAGE);
    const workbookPath = `word/${embedded!.target.replace("../", "")}`;
    const workbook = await zip.file(workbookPath)!.async("uint8array");
    charts.push({ path, xml, series: readSeries(xml), workbook });
  }
  return { zip, charts, contentTypes };
}

/** The values the model gives a chart: the indicator row's actuals by year, the time-elapsed line and the target. */
function modelLines(report: PlanReport, s: TrajectorySeries) {
  const row = report.indicators.find((r) => r.id === s.indicatorId)!;
  const byYear = new Map(row.actuals.map((a) => [a.year, a.value]));
  return {
    row,
    actual: s.years.map((y) => byYear.get(y) ?? null),
    expected: s.expected,
    target: s.years.map(() => row.target.value),
  };
}

async function checkReport(report: PlanReport) {
  const out = await renderReport(report, "docx");
  const { zip, charts, contentTypes } = await docxCharts(out.data);
  const figure = pickCharts(report, 6);
  expect(figure.length).toBeGreaterThan(0);
  expect(charts.map((c) => c.path)).toEqual(figure.map((_, i) => `word/charts/chart${i + 1}.xml`));
  // Nothing is rasterised any more.
  expect(Object.keys(zip.files).filter((f) => f.startsWith("word/media/"))).toEqual([]);

  for (const [i, s] of figure.entries()) {
    const chart = charts[i]!;
    expect(contentTypes).toContain(
      `<Override ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" PartName="/${chart.path}"/>`,
    );
    expect(contentTypes).toContain(
      `<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" PartName="/word/embeddings/Microsoft_Excel_Worksheet${i + 1}.xlsx"/>`,
    );
    expect(chart.xml).toContain("<c:lineChart>");
    // Title (full name with unit) and axis titles in Chinese.
    expect(chart.xml).toContain(`<a:t>${chartTitle(s)}</a:t>`);
    expect(chart.xml).toContain("<a:t>年份</a:t>");
    expect(chart.xml).toContain(`<a:t>${s.unit ? `数值（${s.unit}）` : "数值"}</a:t>`);

    // One fact, one figure: the chart's numbers are the indicator row's (表1/表2) numbers.
    const model = modelLines(report, s);
    const [actual, ...rest] = chart.series;
    expect(actual!.name).toBe("实际值");
    expect(actual!.categories).toEqual(s.years.map(String));
    expect(actual!.values).toEqual(model.actual);
    expect(actual!.values[s.years.indexOf(report.year)]).toBe(model.row.actual.value);
    const expected = rest.find((r) => r.name === "时序进度");
    const target = rest.find((r) => r.name === "目标值");
    if (s.expected.some((v) => v !== null)) expect(expected!.values).toEqual(model.expected);
    else expect(expected).toBeUndefined();
    if (model.row.target.value !== null) expect(target!.values).toEqual(model.target);
    else expect(target).toBeUndefined();
    // The time-elapsed line in the report year is the tables' 时序进度要求.
    if (expected && model.row.expected !== null) {
      expect(expected.values[s.years.indexOf(report.year)]).toBeCloseTo(model.row.expected, 9);
    }
    // It reaches the target in the final year.
    if (expected && model.row.target.value !== null) {
      expect(expected.values.at(-1)).toBeCloseTo(model.row.target.value, 9);
    }
  }
  return { charts, figure };
}

describe("docx charts are native DrawingML charts", () => {
  it("constructed plan: chart parts, relationships, content types, series equal to the model", async () => {
    await checkReport(fixtureReport("annual"));
  });

  it("sample plan (黄石市): six charts, breaches and lagging indicators first, values from the model", async () => {
    const { report } = await sampleReport(samplePlans.find((s) => s.key === "hubei-huangshi-city")!);
    const { charts, figure } = await checkReport(report);
    expect(charts.length).toBe(Math.min(6, report.charts.length));
    // Breaches take the first chart slots.
    const breaches = report.charts.filter((c) => c.breach).length;
    expect(figure.slice(0, breaches).every((s) => s.breach)).toBe(true);
  });

  it("each chart's embedded workbook is a valid xlsx holding the chart's numbers", async () => {
    const report = fixtureReport("annual");
    const { charts, figure } = await checkReport(report);
    for (const [i, s] of figure.entries()) {
      const chart = charts[i]!;
      const wb = await readWorkbook(chart.workbook);
      const sheet = wb.getWorksheet("Sheet1")!;
      expect(sheet).toBeDefined();
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(["年份", ...chart.series.map((c) => c.name)]);
      const years = s.years.map((_, k) => sheet.getCell(k + 2, 1).value);
      expect(years).toEqual(s.years.map(String));
      for (const [j, series] of chart.series.entries()) {
        // The chart's formula points at the column the numbers are in.
        const col = String.fromCharCode(66 + j);
        expect(series.valueRef).toBe(`Sheet1!$${col}$2:$${col}$${s.years.length + 1}`);
        const cells = s.years.map((_, k) => {
          const v = sheet.getCell(k + 2, j + 2).value;
          return v === null || v === undefined ? null : v;
        });
        expect(cells).toEqual(series.values);
      }
      expect(chart.series[0]!.values).toEqual(modelLines(report, s).actual);
    }
  });

  it("mid-term review: the same native charts, values from the model", async () => {
    await checkReport(fixtureReport("midTerm"));
  });

  it("a trajectory without a target or time-elapsed line: one line, gaps left empty in chart and workbook", async () => {
    const s: TrajectorySeries = {
      indicatorId: "x",
      name: "医保经办服务满意率",
      unit: null,
      years: [2020, 2021, 2022, 2023, 2024, 2025],
      actual: [88.5, null, 90.25, 91, null, null],
      expected: [null, null, null, null, null, null],
      target: null,
      breach: false,
    };
    const xml = trajectoryChartXml(s);
    const series = readSeries(xml);
    expect(series.map((x) => x.name)).toEqual(["实际值"]);
    expect(series[0]!.values).toEqual(s.actual);
    expect(xml).toContain("<a:t>数值</a:t>");
    expect(xml).toContain(`<a:t>${s.name}</a:t>`);
    const sheet = (await readWorkbook(trajectoryWorkbook(s))).getWorksheet("Sheet1")!;
    expect(s.years.map((_, k) => sheet.getCell(k + 2, 2).value ?? null)).toEqual(s.actual);
    expect(sheet.getCell(1, 3).value ?? null).toBeNull();
  });

  it("charts: false leaves the figure out, with no chart parts or relationships", async () => {
    const out = await renderReport(fixtureReport("annual"), "docx", { charts: false });
    const zip = await JSZip.loadAsync(out.data);
    expect(
      Object.keys(zip.files).some((f) => f.startsWith("word/charts/") || f.startsWith("word/embeddings/")),
    ).toBe(false);
    expect(await zip.file("word/_rels/document.xml.rels")!.async("string")).not.toContain(CHART);
    expect(await zip.file("word/document.xml")!.async("string")).not.toContain("<c:chart ");
  });
});
