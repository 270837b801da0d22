/**
 * Turns an HTML document (a web page, or mammoth's rendering of a .docx) into the plain-text form
 * the rest of the importer reads: one paragraph per line, each table row on one line with its
 * cells separated by tabs, and `<sup>` markers kept as `<sup>…</sup>` so footnote marks survive.
 * Cells spanned by rowspan/colspan are emitted as empty cells, so every row keeps its columns.
 */

const entities: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  middot: "·",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  ensp: " ",
  emsp: " ",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return entities[body.toLowerCase()] ?? m;
  });
}

const blockTags = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "pre",
  "dd",
  "dt",
  "tbody",
  "thead",
  "title",
  "caption",
]);

interface CellState {
  text: string;
  /** Columns this cell covers beyond its own (colspan - 1): emitted as empty cells. */
  extra: number;
}

interface TableState {
  rows: string[][];
  row: string[] | null;
  cell: CellState | null;
  /** Remaining rows each column is still covered by a rowspan from above. */
  spans: number[];
  col: number;
}

function attr(tag: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, "i").exec(tag);
  return m ? Math.max(1, Math.min(1000, Number(m[1]))) : 1;
}

/** Emits empty cells for the columns covered by a rowspan from an earlier row. */
function fillSpans(t: TableState): void {
  while ((t.spans[t.col] ?? 0) > 0) {
    t.spans[t.col] = (t.spans[t.col] ?? 1) - 1;
    t.row?.push("");
    t.col++;
  }
}

function endCell(t: TableState): void {
  if (t.cell && t.row) {
    t.row.push(t.cell.text.replace(/[ \t\r\n]+/g, " ").trim());
    for (let i = 0; i < t.cell.extra; i++) t.row.push("");
  }
  t.cell = null;
}

function endRow(t: TableState): void {
  endCell(t);
  if (t.row) {
    while (t.col < t.spans.length) {
      fillSpans(t);
      if (t.col < t.spans.length) {
        t.row.push("");
        t.col++;
      }
    }
    t.rows.push(t.row);
  }
  t.row = null;
}

function openCell(t: TableState, tag: string): void {
  if (!t.row) {
    t.row = [];
    t.col = 0;
  }
  endCell(t);
  fillSpans(t);
  const rowspan = attr(tag, "rowspan");
  const colspan = attr(tag, "colspan");
  for (let c = 0; c < colspan; c++) t.spans[t.col + c] = rowspan - 1;
  t.col += colspan;
  t.cell = { text: "", extra: colspan - 1 };
}

export function htmlToText(html: string): string {
  const src = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, "");
  const out: string[] = [];
  let para = "";
  // A paragraph opening in bold ("<strong>合理设定参保护面目标。</strong>根据…"): kept as "**…**", the
  // Markdown the line reader takes for a bold lead sentence (an unnumbered task).
  let boldLead = false;
  const tables: TableState[] = [];
  const flushPara = (): void => {
    const t = para.replace(/[ \t\r\n]+/g, " ").trim();
    if (t !== "" && !/^#+$/.test(t)) out.push(t);
    para = "";
    boldLead = false;
  };
  const append = (text: string): void => {
    const table = tables.at(-1);
    if (table?.cell) table.cell.text += text;
    else if (!table) para += text;
    // text directly inside <table>/<tr> but outside a cell is layout whitespace: dropped
  };
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g;
  let last = 0;
  for (let m = tagRe.exec(src); m !== null; m = tagRe.exec(src)) {
    append(decodeEntities(src.slice(last, m.index)));
    last = tagRe.lastIndex;
    const closing = m[1] === "/";
    const name = (m[2] ?? "").toLowerCase();
    const table = tables.at(-1);
    if (name === "table") {
      if (!closing) {
        flushPara();
        tables.push({ rows: [], row: null, cell: null, spans: [], col: 0 });
      } else if (table) {
        endRow(table);
        tables.pop();
        const lines = table.rows.map((r) => r.join("\t"));
        const outer = tables.at(-1);
        // a nested table is flattened into its enclosing cell
        if (outer?.cell) outer.cell.text += lines.join(" ");
        else out.push(...lines.filter((l) => l.replace(/\t/g, "").trim() !== ""));
      }
    } else if (table && name === "tr") {
      endRow(table);
      if (!closing) {
        table.row = [];
        table.col = 0;
      }
    } else if (table && (name === "td" || name === "th")) {
      if (closing) endCell(table);
      else openCell(table, m[3] ?? "");
    } else if (name === "sup") {
      append(closing ? "</sup>" : "<sup>");
    } else if (!table && (name === "strong" || name === "b")) {
      if (!closing && para.trim() === "" && !boldLead) {
        para += "**";
        boldLead = true;
      } else if (closing && boldLead) {
        para = para.replace(/\s+$/, "");
        para += "**";
        boldLead = false;
      }
    } else if (name === "br") {
      if (table?.cell) append("");
      else flushPara();
    } else if (!table && /^h[1-6]$/.test(name)) {
      // a heading keeps its level as a Markdown heading, for documents whose headings carry no
      // typed numbers (Word's heading styles with automatic numbering)
      flushPara();
      if (!closing) para = `${"#".repeat(Number(name[1]))} `;
    } else if (blockTags.has(name)) {
      // paragraphs inside a cell are wrapped lines of one cell: joined without a break
      if (!table) flushPara();
    }
  }
  append(decodeEntities(src.slice(last)));
  flushPara();
  return out.join("\n\n");
}
