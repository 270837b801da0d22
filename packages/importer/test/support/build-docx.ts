import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

/**
 * Text runs of a cell or paragraph: footnote marks ("^①", "<sup>①</sup>") become real
 * superscripts, Markdown bold ("**合理设定参保护面目标。**") real bold runs.
 */
function runs(text: string): TextRun[] {
  const out: TextRun[] = [];
  text.split(/(\*\*[^*]+\*\*)/).forEach((part, i) => {
    if (i % 2 === 1) out.push(new TextRun({ text: part.slice(2, -2), bold: true }));
    else if (part !== "") out.push(...plainRuns(part));
  });
  return out;
}

function plainRuns(text: string): TextRun[] {
  const out: TextRun[] = [];
  const re = /\s*(?:\^\s*([\u2460-\u2473])|<sup>\s*([^<]*?)\s*<\/sup>)\s*/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) out.push(new TextRun(text.slice(last, m.index)));
    out.push(new TextRun({ text: m[1] ?? m[2] ?? "", superScript: true }));
    last = re.lastIndex;
  }
  if (last < text.length) out.push(new TextRun(text.slice(last)));
  return out;
}

/**
 * Builds a Word document from a plan's text the way an author would have typed it: one paragraph
 * per non-blank line, and each block of tab-separated lines as a real Word table. In a table,
 * an empty first cell under a filled one is merged vertically with it (a category spanning its
 * rows), so the reader must cope with merged cells, as in real plans.
 */
export async function buildDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const isRow = (l: string | undefined) => l?.replace(/^\t+/, "").includes("\t") === true;
    if (!isRow(line)) {
      if (line.trim() !== "") children.push(new Paragraph({ children: runs(line.trim()) }));
      continue;
    }
    const block: string[][] = [];
    while (i < lines.length && isRow(lines[i])) {
      block.push((lines[i] ?? "").split("\t").map((c) => c.trim()));
      i++;
    }
    i--;
    const width = Math.max(...block.map((r) => r.length));
    const cells = block.map((r) => [...r, ...new Array(width - r.length).fill("")]);
    const rows = cells.map((r, ri) => {
      const tableCells: TableCell[] = [];
      r.forEach((cell, ci) => {
        if (ci === 0 && cell === "" && ri > 0) return; // covered by the merged cell above
        let span = 1;
        if (ci === 0 && cell !== "") while (cells[ri + span] && cells[ri + span]?.[0] === "") span++;
        tableCells.push(
          new TableCell({
            children: [new Paragraph({ children: runs(cell) })],
            ...(span > 1 ? { rowSpan: span } : {}),
          }),
        );
      });
      return new TableRow({ children: tableCells });
    });
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
