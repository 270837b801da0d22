/**
 * Writes one sample plan's 2023 report as .docx and .xlsx into DIR, with the strings a PDF of
 * each must contain (one per line, in `<file>.expect`). Used by scripts/pdf-check.sh.
 *   tsx scripts/generate-check-files.ts DIR
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { samplePlans } from "@ybplan/samples";
import { renderReport } from "../src/index.ts";
import { sampleReport } from "../test/sample-plans.ts";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: tsx scripts/generate-check-files.ts DIR\n");
  process.exit(2);
}
const { report } = await sampleReport(samplePlans.find((s) => s.key === "hubei-huangshi-city")!);
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
    "— 1 —",
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
