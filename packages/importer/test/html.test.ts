import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { htmlToText, importPlanDocument } from "../src/index.ts";

const page = `<!DOCTYPE html><html><head><title>x</title><style>p{}</style><script>var a="<td>";</script></head>
<body>
<p>某县医疗保障局文件</p>
<p>某医保发〔2024〕3号</p>
<h1>青阳县医疗保障&ldquo;十四五&rdquo;规划</h1>
<h2>一、主要目标</h2>
<p>专栏1 主要指标</p>
<table>
<tr><th>类别</th><th>主要指标</th><th>2020年</th><th>2025年</th><th>指标属性</th></tr>
<tr><td rowspan="2">参保覆盖</td><td>基本医疗保险参保率（%）</td><td>95</td><td>&gt;95<sup>①</sup></td><td>约束性</td></tr>
<tr><td>职工医保参保人数（万人）</td><td>2.5</td><td>3.0</td><td>预期性</td></tr>
<tr><td>基金安全</td><td colspan="2">基金收入（亿元）</td><td>2.7</td><td>预期性</td></tr>
</table>
<p>注：①指每年保持在95%以上。</p>
<h2>二、重点任务</h2>
<p>（一）扩大参保。<br/>做好参保工作。</p>
<p>青阳县医疗保障局</p><p>2024年1月2日</p>
</body></html>`;

describe("HTML input", () => {
  it("htmlToText: paragraphs as lines, rows as tab-separated cells, spans as empty cells, <sup> kept", () => {
    const text = htmlToText(page);
    expect(text).not.toContain("var a");
    const lines = text.split("\n").filter((l) => l !== "");
    expect(lines).toContain("类别\t主要指标\t2020年\t2025年\t指标属性");
    expect(lines).toContain("参保覆盖\t基本医疗保险参保率（%）\t95\t>95<sup>①</sup>\t约束性");
    expect(lines).toContain("\t职工医保参保人数（万人）\t2.5\t3.0\t预期性");
    expect(lines).toContain("基金安全\t基金收入（亿元）\t\t2.7\t预期性");
    // a heading keeps its level as a Markdown heading
    expect(lines).toContain("# 青阳县医疗保障“十四五”规划");
  });

  it("imports an .html plan: table with rowspan/colspan, footnote, metadata", async () => {
    const doc = await Effect.runPromise(
      importPlanDocument({ bytes: new TextEncoder().encode(page), fileName: "plan.html" }),
    );
    expect(doc.source?.format).toBe("html");
    expect(doc.plan).toMatchObject({
      title: "青阳县医疗保障“十四五”规划",
      issuer: "某县医疗保障局",
      documentNumber: "某医保发〔2024〕3号",
      issueDate: "2024-01-02",
      jurisdictionCode: "341723",
    });
    expect(
      doc.indicators.map((i) => [
        i.category,
        i.name,
        i.unit,
        i.baseline.text,
        i.target.text,
        i.attribute,
        i.assessment,
      ]),
    ).toEqual([
      ["参保覆盖", "基本医疗保险参保率", "%", "95", ">95<sup>①</sup>", "binding", "eachYear"],
      ["参保覆盖", "职工医保参保人数", "万人", "2.5", "3.0", "expected", "endOfPeriod"],
      // colspan: the name spans the 2020 column, so there is no baseline
      ["基金安全", "基金收入", "亿元", "", "2.7", "expected", "endOfPeriod"],
    ]);
    expect(doc.footnotes).toEqual([{ mark: "①", text: "①指每年保持在95%以上。" }]);
    expect(doc.tasks.map((t) => [t.number, t.title, t.level])).toEqual([
      ["一、", "主要目标", 1],
      ["二、", "重点任务", 1],
      ["（一）", "扩大参保", 2],
    ]);
    expect(doc.projects).toEqual([]);
  });

  it("a two-row header (years under a spanning 目标值 cell) and 一级指标/二级指标 columns", async () => {
    const html = `<html><body><h1>某县医疗保障“十四五”规划</h1><p>１．主要目标</p>
<table>
<tr><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td colspan="2">目标值</td><td rowspan="2">属性</td></tr>
<tr><td>2020年</td><td>2025年</td></tr>
<tr><td>参保覆盖</td><td>基本医疗保险参保率（%）</td><td>95</td><td>≥96</td><td>约束性</td></tr>
</table><p>２．重点任务</p><p>做好参保。</p></body></html>`;
    const doc = await Effect.runPromise(
      importPlanDocument({ bytes: new TextEncoder().encode(html), fileName: "x.html" }),
    );
    expect(
      doc.indicators.map((i) => [i.category, i.name, i.baseline.text, i.target.text, i.attribute]),
    ).toEqual([["参保覆盖", "基本医疗保险参保率", "95", "≥96", "binding"]]);
    expect(doc.warnings).toEqual([]);
    // full-width digits number the outline too
    expect(doc.tasks.map((t) => [t.number, t.title])).toEqual([
      ["1.", "主要目标"],
      ["2.", "重点任务"],
    ]);
  });
});
