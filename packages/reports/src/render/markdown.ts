import type { Cell, LayoutTable, ReportLayout } from "../layout.ts";

/** Markdown: headings, paragraphs and pipe tables; figures are listed by caption only. */
export function renderMarkdown(layout: ReportLayout): string {
  const out: string[] = [`# ${layout.title}`, "", layout.recipient, ""];
  for (const section of layout.sections) {
    out.push(`## ${section.heading}`, "");
    for (const b of section.blocks) {
      switch (b.kind) {
        case "paragraph":
          out.push(b.text, "");
          break;
        case "subheading":
          out.push(`### ${b.text}`, "");
          break;
        case "table":
          out.push(...markdownTable(b.table), "");
          break;
        case "figure":
          out.push(`*${b.figure.caption}（图表见 HTML 或 Word 版本）*`, "");
          break;
      }
    }
  }
  out.push(`<div align="right">${layout.signature.bureau}<br>${layout.signature.date}</div>`, "");
  out.push("---", "", ...layout.notes.map((n) => `> ${n}`), "");
  return out.join("\n");
}

function esc(c: Cell): string {
  if (c === null) return "";
  return String(c).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function markdownTable(t: LayoutTable): string[] {
  return [
    `**${t.caption}**`,
    "",
    `| ${t.columns.map(esc).join(" | ")} |`,
    `| ${t.columns.map(() => "---").join(" | ")} |`,
    ...t.rows.map((r) => `| ${r.cells.map(esc).join(" | ")} |`),
  ];
}
