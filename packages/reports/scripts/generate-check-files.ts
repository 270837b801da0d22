/**
 * Writes one sample plan's 2023 report as .docx and .xlsx into DIR, with the strings a PDF of
 * each must contain (one per line, in `<file>.expect`). Used by scripts/pdf-check.sh.
 *   tsx scripts/generate-check-files.ts DIR
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareInForce, PolicyDocument } from "@ybplan/domain/policy";
import { samplePlans } from "@ybplan/samples";
import { chartTitle, pickCharts, renderReport } from "../src/index.ts";
import { sampleReport } from "../test/sample-plans.ts";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: tsx scripts/generate-check-files.ts DIR\n");
  process.exit(2);
}
// 黄石's 2020 ratio raised by a 2023 document: the report's 待遇政策调整 must print the change.
const resident3 = (value: number) =>
  ({ kind: "reimbursementRatio", scheme: "resident", service: "inpatient", level: "level3", value }) as const;
const policyDocs = [
  PolicyDocument.parse({
    id: "hs-2020",
    title: "黄石市基本医疗保险市级统筹实施办法",
    docNumber: "黄政规〔2020〕1号",
    issuer: "黄石市人民政府",
    jurisdictionCode: "420200",
    effectiveFrom: "2020-01-01",
    parameters: [resident3(60)],
  }),
  PolicyDocument.parse({
    id: "hs-2023",
    title: "关于调整城乡居民医保住院待遇的通知",
    docNumber: "黄医保发〔2023〕5号",
    issuer: "黄石市医疗保障局",
    jurisdictionCode: "420200",
    effectiveFrom: "2023-01-01",
    supersedes: [{ documentId: "hs-2020", mode: "amend" }],
    parameters: [resident3(65)],
  }),
];
const window = { from: "2022-12-31", to: "2023-12-31" };
const changes = compareInForce(policyDocs, ["420200"], window.from, window.to);
const { report } = await sampleReport(
  samplePlans.find((s) => s.key === "hubei-huangshi-city")!,
  2023,
  "annual",
  {
    policyChanges: { changes, window },
  },
);
if (!report.policy) throw new Error("the 待遇政策调整 section is missing");
const docx = await renderReport(report, "docx");
const xlsx = await renderReport(report, "xlsx");
writeFileSync(join(dir, "report.docx"), docx.data);
writeFileSync(join(dir, "report.xlsx"), xlsx.data);
// Body paragraphs and headings: they wrap only at line ends, so whitespace-free matching is exact.
writeFileSync(
  join(dir, "report.docx.expect"),
  [
    report.title,
    "一、总体情况",
    "二、主要指标完成情况",
    report.narrative.overview[1],
    report.narrative.indicators[0],
    "待遇政策调整",
    report.policy.paragraphs[1]!,
    "— 1 —",
  ].join("\n"),
);
// The figure's native charts, drawn by LibreOffice from their DrawingML: text found only in a chart
// (title with unit, value-axis title, legend, the report year's value label), looked for on the
// pages that hold the figure (its caption's page and the one before).
const first = pickCharts(report, 6)[0];
if (!first) throw new Error("the report has no chart");
const yearValue = first.actual[first.years.indexOf(report.year)];
writeFileSync(
  join(dir, "report.docx.charts"),
  [
    "图1　主要指标实际值与时序进度、目标值对比",
    chartTitle(first),
    "年份",
    first.unit ? `数值（${first.unit}）` : "数值",
    "实际值",
    "时序进度",
    "目标值",
    String(first.years[first.years.length - 1]),
    ...(yearValue === null || yearValue === undefined ? [] : [String(yearValue)]),
  ].join("\n"),
);
const shortNames = report.indicators
  .filter((r) => r.name.length <= 12)
  .slice(0, 3)
  .map((r) => r.name);
writeFileSync(
  join(dir, "report.xlsx.expect"),
  [report.title, "评估结论", ...shortNames, report.indicators[0]!.verdictLabel].join("\n"),
);
process.stdout.write(`${join(dir, "report.docx")}\n${join(dir, "report.xlsx")}\n`);
