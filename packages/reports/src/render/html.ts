import type { PlanReport } from "@ybplan/domain/report";
import { trajectorySvg } from "../charts/trajectory.ts";
import type { Cell, LayoutTable, ReportLayout } from "../layout.ts";
import { verdictFill, verdictInk } from "../verdict-style.ts";

/**
 * One self-contained HTML file: no external CSS, fonts, scripts or images. Charts are inline SVG
 * (every indicator with data, not only the figure's selection); print CSS follows the official
 * document page (A4, GB/T 9704 margins) and repeats table headers on each printed page.
 */

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const verdictCss = Object.entries(verdictFill)
  .map(([v, fill]) => `td.v-${v}{background:#${fill};color:#${verdictInk[v as keyof typeof verdictInk]}}`)
  .join("\n");

const css = `
@page{size:A4;margin:37mm 26mm 35mm 28mm}
*{box-sizing:border-box}
body{margin:0 auto;max-width:210mm;padding:12mm 16mm;font-family:"仿宋_GB2312","FangSong","STFangsong","Noto Serif CJK SC",serif;font-size:16pt;line-height:1.75;color:#111;background:#fff}
h1{font-family:"方正小标宋简体","FZXiaoBiaoSong-B05S","STZhongsong","Noto Serif CJK SC",serif;font-size:22pt;font-weight:normal;text-align:center;line-height:1.4;margin:0 0 .4em}
.recipient{text-indent:0;margin:0 0 .6em}
.signature{text-align:right;text-indent:0;margin-top:2em}
h2{font-family:"黑体","SimHei","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal;margin:1em 0 .3em}
h3{font-family:"楷体_GB2312","KaiTi","STKaiti",serif;font-size:16pt;font-weight:normal;margin:.6em 0 .2em}
p{text-indent:2em;margin:0;text-align:justify}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:10.5pt;line-height:1.4;page-break-inside:auto}
thead{display:table-header-group}
tr{page-break-inside:avoid}
caption{font-family:"黑体","SimHei",sans-serif;font-size:12pt;padding:.3em 0}
th,td{border:1px solid #333;padding:3px 5px;vertical-align:middle}
th{background:#f2f2f2;font-weight:bold;text-align:center}
td.num{text-align:center}
tr.breach td:first-child{border-left:4px solid #c0392b}
${verdictCss}
figure{margin:.6em 0 1em;page-break-inside:avoid}
figure .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:8px}
figure svg{width:100%;height:auto}
figcaption{text-align:center;font-family:"黑体","SimHei",sans-serif;font-size:12pt}
.notes{font-size:10.5pt;color:#444;border-top:1px solid #999;margin-top:2em;padding-top:.5em}
.notes p{text-indent:0}
@media print{body{padding:0;max-width:none}figure .charts{grid-template-columns:1fr 1fr}}
`;

function cell(c: Cell): string {
  return c === null ? "" : escapeHtml(String(c));
}

function tableHtml(t: LayoutTable): string {
  const head = `<thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`;
  const body = t.rows
    .map((r) => {
      const tds = r.cells
        .map((c, i) => {
          const cls =
            i === t.verdictColumn && r.verdict
              ? ` class="v-${r.verdict}"`
              : typeof c === "number"
                ? ' class="num"'
                : "";
          return `<td${cls}>${cell(c)}</td>`;
        })
        .join("");
      return `<tr${r.breach ? ' class="breach"' : ""}>${tds}</tr>`;
    })
    .join("\n");
  return `<table data-key="${escapeHtml(t.key)}"><caption>${escapeHtml(t.caption)}</caption>${head}<tbody>\n${body}\n</tbody></table>`;
}

export function renderHtml(report: PlanReport, layout: ReportLayout): string {
  const parts: string[] = [];
  for (const s of layout.sections) {
    parts.push(`<section id="${escapeHtml(s.key)}"><h2>${escapeHtml(s.heading)}</h2>`);
    for (const b of s.blocks) {
      switch (b.kind) {
        case "paragraph":
          parts.push(`<p>${escapeHtml(b.text)}</p>`);
          break;
        case "subheading":
          parts.push(`<h3>${escapeHtml(b.text)}</h3>`);
          break;
        case "table":
          parts.push(tableHtml(b.table));
          break;
        case "figure":
          // Every trajectory with data, breaches first as in the figure's selection.
          parts.push(
            `<figure><div class="charts">${report.charts
              .slice()
              .sort((a, c) => Number(c.breach) - Number(a.breach))
              .map((c) => trajectorySvg(c, 480, 260))
              .join("\n")}</div><figcaption>${escapeHtml(b.figure.caption)}</figcaption></figure>`,
          );
          break;
      }
    }
    parts.push("</section>");
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(layout.title)}</title>
<style>${css}</style>
</head>
<body>
<h1>${escapeHtml(layout.title)}</h1>
<p class="recipient">${escapeHtml(layout.recipient)}</p>
${parts.join("\n")}
<p class="signature">${escapeHtml(layout.signature.bureau)}<br>${escapeHtml(layout.signature.date)}</p>
<div class="notes">${layout.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("")}</div>
</body>
</html>
`;
}
