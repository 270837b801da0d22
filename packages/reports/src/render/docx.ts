import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { chartDrawingXml, chartRelsXml, trajectoryChartXml, trajectoryWorkbook } from "../charts/native.ts";
import type { Cell, LayoutFigure, LayoutTable, ReportLayout } from "../layout.ts";
import { verdictFill, verdictInk } from "../verdict-style.ts";
import { escapeXml } from "./xml.ts";
import { type PackedEntry, pack, unzip, type ZipEntry, zip } from "./zip.ts";

/**
 * Word output in the layout of Chinese official documents (GB/T 9704-2012): A4, margins
 * top 37 / bottom 35 / left 28 / right 26 mm, body 仿宋_GB2312 三号 (16 pt) at a fixed 28.95 pt line
 * (22 lines a page), title 方正小标宋简体 二号 (22 pt), level-1 headings 黑体, level-2 楷体_GB2312,
 * a 22 × 28 document grid, page numbers "— 1 —" 4号 宋体 on the right of odd and the left of even
 * pages (§7.5), 主送机关 under the title and 落款 with 成文日期 at the end, wide tables in landscape
 * sections with the header row repeated on every page. East-Asian text is tagged zh-CN and the font
 * table names each font's family, charset and Windows alternative, so a viewer without the GB fonts
 * substitutes a Song/Fang face (see fonts/ybplan-fonts.conf for LibreOffice on Linux).
 */

const mm = (v: number) => Math.round((v * 1440) / 25.4);
const pt = (v: number) => v * 2; // docx sizes are half-points

const FONT = {
  body: "仿宋_GB2312",
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  latin: "Times New Roman",
  pageNumber: "宋体",
} as const;

const LINE = 579; // 28.95 pt in twips: 22 lines in the 225 mm text block
const TEXT_WIDTH_MM = 210 - 28 - 26;
const LANDSCAPE_WIDTH_MM = 297 - 37 - 35;
/**
 * 28 characters of 16 pt in the 156 mm line: pitch 8844/28 twips = 15.79 pt, i.e. −0.207 pt per
 * character, which w:charSpace gives in 1/4096 pt.
 */
const CHAR_SPACE = Math.round((mm(TEXT_WIDTH_MM) / 28 / 20 - 16) * 4096);

/** zlib level 3 deflates a report's XML about 2.5× faster than the default 6, for ~15 % more bytes. */
const DEFLATE_LEVEL = 3;

function font(eastAsia: string) {
  return { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia, cs: FONT.latin };
}

/**
 * Paragraph styles carry fonts, sizes and spacing, so each paragraph and cell only names its
 * style: smaller XML, faster to write for `report --all`, and editable in Word's style pane.
 */
const exact = { line: LINE, lineRule: LineRuleType.EXACT };
const indent2 = { firstLine: pt(16) * 20 }; // two characters of 16 pt
const paragraphStyles = [
  {
    id: "ybTitle",
    name: "ybplan 标题",
    run: { font: font(FONT.title), size: pt(22) },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { after: 200, line: 720, lineRule: LineRuleType.AT_LEAST },
    },
  },
  {
    id: "ybRecipient",
    name: "ybplan 主送机关",
    run: { font: font(FONT.body), size: pt(16) },
    paragraph: { spacing: { before: 300, ...exact } },
  },
  {
    id: "ybSignature",
    name: "ybplan 落款",
    run: { font: font(FONT.body), size: pt(16) },
    paragraph: { alignment: AlignmentType.RIGHT, indent: { right: pt(16) * 20 * 4 }, spacing: exact },
  },
  {
    id: "ybBody",
    name: "ybplan 正文",
    run: { font: font(FONT.body), size: pt(16) },
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: indent2, spacing: exact },
  },
  {
    id: "ybHeading1",
    name: "ybplan 一级标题",
    run: { font: font(FONT.heading1), size: pt(16) },
    paragraph: { indent: indent2, spacing: exact, keepNext: true, outlineLevel: 0 },
  },
  {
    id: "ybHeading2",
    name: "ybplan 二级标题",
    run: { font: font(FONT.heading2), size: pt(16) },
    paragraph: { indent: indent2, spacing: exact, keepNext: true, outlineLevel: 1 },
  },
  {
    id: "ybCaption",
    name: "ybplan 表题",
    run: { font: font(FONT.heading1), size: pt(12) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true },
  },
  {
    id: "ybCell",
    name: "ybplan 表格文字",
    run: { font: font(FONT.body), size: pt(10.5), snapToGrid: false },
    paragraph: { alignment: AlignmentType.LEFT },
  },
  {
    id: "ybCellCenter",
    name: "ybplan 表格文字居中",
    basedOn: "ybCell",
    run: { font: font(FONT.body), size: pt(10.5), snapToGrid: false },
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    id: "ybCellHead",
    name: "ybplan 表头",
    run: { font: font(FONT.heading1), size: pt(10.5), snapToGrid: false },
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    id: "ybNote",
    name: "ybplan 注",
    run: { font: font(FONT.body), size: pt(12), color: "404040" },
    paragraph: {},
  },
];

function pageNumberFooter(side: "odd" | "even"): Footer {
  // §7.5: 4号 半角宋体 "— N —", one character in from the right edge on odd pages, the left on even.
  const oneChar = pt(14) * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: font(FONT.pageNumber),
            size: pt(14),
          }),
        ],
      }),
    ],
  });
}

/**
 * The package parts every report shares (styles, the two footers, settings, theme, font table,
 * numbering, notes), packed once per process by the docx library and kept deflated. A report then
 * writes only its body, its charts and the part lists as text: the library's object model cost
 * more than the rest of `report --all` together.
 */
interface Skeleton {
  /** `<?xml …?><w:document …namespaces…>` */
  readonly documentHead: string;
  /** The first section's footer references (odd and even page numbers). */
  readonly footerRefs: string;
  readonly contentTypes: string;
  readonly documentRels: string;
  readonly shared: readonly PackedEntry[];
}

const ownParts = new Set([
  "word/document.xml",
  "docProps/core.xml",
  "[Content_Types].xml",
  "word/_rels/document.xml.rels",
]);
let skeleton: Promise<Skeleton> | undefined;

function sharedParts(): Promise<Skeleton> {
  skeleton ??= (async () => {
    const doc = new Document({
      creator: "ybplan",
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          document: {
            run: { font: font(FONT.body), size: pt(16), language: { value: "en-US", eastAsia: "zh-CN" } },
          },
        },
        paragraphStyles,
      },
      sections: [
        {
          footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
          children: [new Paragraph({ children: [] })],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
    const parts = unzip(new Uint8Array(bytes));
    const text = (path: string) => new TextDecoder().decode(parts.get(path));
    const documentXml = text("word/document.xml");
    return {
      documentHead: documentXml.slice(0, documentXml.indexOf("<w:body>")),
      footerRefs: (documentXml.match(/<w:footerReference [^>]*\/>/g) ?? []).join(""),
      contentTypes: text("[Content_Types].xml"),
      documentRels: text("word/_rels/document.xml.rels"),
      shared: [...parts]
        .filter(([path]) => !ownParts.has(path))
        .map(([path, data]) => pack({ path, data }, DEFLATE_LEVEL)),
    };
  })();
  return skeleton;
}

const run = (text: string, colour?: string) =>
  `<w:r>${colour ? `<w:rPr><w:color w:val="${colour}"/></w:rPr>` : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

function para(style: string, text: string, colour?: string): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${run(text, colour)}</w:p>`;
}

const EMPTY = "<w:p/>";

function borders(value: "single" | "none"): string {
  const b =
    value === "single"
      ? 'w:val="single" w:color="000000" w:sz="4"'
      : 'w:val="none" w:color="FFFFFF" w:sz="0"';
  return `<w:tblBorders><w:top ${b}/><w:left ${b}/><w:bottom ${b}/><w:right ${b}/><w:insideH ${b}/><w:insideV ${b}/></w:tblBorders>`;
}

function tableStart(
  widths: readonly number[],
  border: "single" | "none",
  margins: { v: number; h: number },
): string {
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${borders(border)}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:type="dxa" w:w="${margins.v}"/><w:left w:type="dxa" w:w="${margins.h}"/><w:bottom w:type="dxa" w:w="${margins.v}"/><w:right w:type="dxa" w:w="${margins.h}"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`
  );
}

function tableCell(
  c: Cell,
  opts: { header?: boolean; fill?: string | undefined; ink?: string | undefined; width: number },
): string {
  const text = c === null ? "" : String(c);
  const style = opts.header ? "ybCellHead" : typeof c === "number" ? "ybCellCenter" : "ybCell";
  const shading = opts.fill ? `<w:shd w:fill="${opts.fill}" w:color="auto" w:val="clear"/>` : "";
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${opts.width}"/>${shading}<w:vAlign w:val="center"/></w:tcPr>` +
    // Off the document grid: on portrait pages the lines grid would give each 10.5 pt line the
    // body's 28.95 pt pitch, so a table of short rows ran over four pages.
    `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:snapToGrid w:val="0"/></w:pPr>${run(text, opts.ink)}</w:p></w:tc>`
  );
}

function table(t: LayoutTable): string {
  const total = mm(t.landscape ? LANDSCAPE_WIDTH_MM : TEXT_WIDTH_MM);
  const weights = t.widths && t.widths.length === t.columns.length ? t.widths : t.columns.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const header =
    "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" +
    t.columns.map((c, i) => tableCell(c, { header: true, fill: "F2F2F2", width: widths[i]! })).join("") +
    "</w:tr>";
  const rows = t.rows.map(
    (r) =>
      "<w:tr><w:trPr><w:cantSplit/></w:trPr>" +
      r.cells
        .map((c, i) => {
          const isVerdict = i === t.verdictColumn && r.verdict !== undefined;
          return tableCell(c, {
            width: widths[i]!,
            // A breach row is marked across the row, not only in its verdict cell.
            fill: isVerdict ? verdictFill[r.verdict!] : r.breach ? "FDE9E7" : undefined,
            ink: isVerdict ? verdictInk[r.verdict!] : undefined,
          });
        })
        .join("") +
      "</w:tr>",
  );
  return `${tableStart(widths, "single", { v: 30, h: 60 })}${header}${rows.join("")}</w:tbl>`;
}

export interface DocxOptions {
  /** Leave charts out (fast previews). */
  readonly charts?: boolean | undefined;
}

/**
 * Two charts a row across the text block (156 mm): 288 × 230 px at 96 dpi, 76 × 61 mm each, so
 * six charts and the caption fit one page. Their paragraphs leave the line grid, which would
 * round each chart up to whole 28.95 pt lines.
 */
const CHART_SIZE = { width: 288, height: 230 } as const;

/** The charts written so far: their parts and the document's relationships to them. */
class Charts {
  readonly parts: ZipEntry[] = [];
  readonly rels: string[] = [];
  readonly types: string[] = [];

  add(s: LayoutFigure["series"][number]): string {
    const n = this.rels.length + 1;
    const rId = `rIdChart${n}`;
    const workbook = `Microsoft_Excel_Worksheet${n}.xlsx`;
    this.parts.push(
      { path: `word/charts/chart${n}.xml`, data: trajectoryChartXml(s) },
      { path: `word/charts/_rels/chart${n}.xml.rels`, data: chartRelsXml(workbook) },
      { path: `word/embeddings/${workbook}`, data: trajectoryWorkbook(s) },
    );
    this.rels.push(
      `<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart${n}.xml"/>`,
    );
    this.types.push(
      `<Override ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" PartName="/word/charts/chart${n}.xml"/>`,
      `<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" PartName="/word/embeddings/${workbook}"/>`,
    );
    return chartDrawingXml(s, rId, n, CHART_SIZE);
  }
}

/**
 * The figure: one native line chart per indicator (word/charts/chartN.xml with its embedded
 * workbook), two a row in a borderless table kept with the caption under it. Word, WPS and
 * LibreOffice draw them from their data; nothing is rasterised.
 */
function figure(f: LayoutFigure, charts: Charts): string[] {
  const half = Math.floor(mm(TEXT_WIDTH_MM) / 2);
  const rows: string[] = [];
  for (let i = 0; i < f.series.length; i += 2) {
    const cells = [f.series[i], f.series[i + 1]].map(
      (s) =>
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${half}"/></w:tcPr><w:p><w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>${s ? charts.add(s) : ""}</w:p></w:tc>`,
    );
    rows.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join("")}</w:tr>`);
  }
  // The caption closes the figure: unlike a table's caption above its table, it is not kept with what follows.
  const caption = `<w:p><w:pPr><w:pStyle w:val="ybCaption"/><w:keepNext w:val="0"/></w:pPr>${run(f.caption)}</w:p>`;
  return [`${tableStart([half, half], "none", { v: 40, h: 40 })}${rows.join("")}</w:tbl>`, caption];
}

function sectPr(landscape: boolean, footerRefs: string): string {
  // Landscape pages keep the portrait margins turned with the paper.
  const page = landscape
    ? `<w:pgSz w:w="${mm(297)}" w:h="${mm(210)}" w:orient="landscape"/><w:pgMar w:top="${mm(28)}" w:right="${mm(35)}" w:bottom="${mm(26)}" w:left="${mm(37)}" w:header="708" w:footer="${mm(14)}" w:gutter="0"/>`
    : `<w:pgSz w:w="${mm(210)}" w:h="${mm(297)}" w:orient="portrait"/><w:pgMar w:top="${mm(37)}" w:right="${mm(26)}" w:bottom="${mm(35)}" w:left="${mm(28)}" w:header="708" w:footer="${mm(28) - 200}" w:gutter="0"/>`;
  // Portrait: a line grid; the character pitch is recorded for Word's grid dialog but not enforced,
  // as LibreOffice spaces characters by it far wider than Word does.
  const grid = landscape
    ? '<w:docGrid w:type="default" w:linePitch="360"/>'
    : `<w:docGrid w:type="lines" w:linePitch="${LINE}" w:charSpace="${CHAR_SPACE}"/>`;
  return `<w:sectPr>${footerRefs}${page}<w:pgNumType/>${grid}</w:sectPr>`;
}

/** Ends a section inside the document: its properties go in the last paragraph (or a new one after a table). */
function endSection(body: string[], properties: string): void {
  const last = body[body.length - 1];
  if (last === EMPTY) body[body.length - 1] = `<w:p><w:pPr>${properties}</w:pPr></w:p>`;
  else if (last?.startsWith("<w:p><w:pPr>")) {
    const at = last.indexOf("</w:pPr>");
    body[body.length - 1] = `${last.slice(0, at)}${properties}${last.slice(at)}`;
  } else body.push(`<w:p><w:pPr>${properties}</w:pPr></w:p>`);
}

function corePropertiesXml(title: string): string {
  const now = new Date().toISOString();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>ybplan</dc:creator><cp:lastModifiedBy>ybplan</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`
  );
}

export async function renderDocx(layout: ReportLayout, options: DocxOptions = {}): Promise<Uint8Array> {
  const base = await sharedParts();
  const charts = new Charts();
  const body: string[] = [];
  let current: string[] = [para("ybTitle", layout.title), para("ybRecipient", layout.recipient)];
  let sections = 0;
  // The first section carries the footers; later sections inherit them (OOXML §17.10.5).
  const flush = (landscape: boolean) => {
    if (current.length === 0) return;
    endSection(current, sectPr(landscape, sections === 0 ? base.footerRefs : ""));
    body.push(...current);
    current = [];
    sections++;
  };
  for (const s of layout.sections) {
    current.push(para("ybHeading1", s.heading));
    for (const b of s.blocks) {
      switch (b.kind) {
        case "paragraph":
          current.push(para("ybBody", b.text));
          break;
        case "subheading":
          current.push(para("ybHeading2", b.text));
          break;
        case "table":
          if (b.table.landscape) {
            flush(false);
            current.push(para("ybCaption", b.table.caption), table(b.table), EMPTY);
            flush(true);
          } else {
            current.push(para("ybCaption", b.table.caption), table(b.table), EMPTY);
          }
          break;
        case "figure":
          if (options.charts !== false) current.push(...figure(b.figure, charts));
          break;
      }
    }
  }
  for (const n of layout.notes) current.push(para("ybNote", n));
  current.push(
    '<w:p><w:pPr><w:pStyle w:val="ybBody"/></w:pPr></w:p>',
    para("ybSignature", layout.signature.bureau),
    para("ybSignature", layout.signature.date),
  );
  // The last section's properties close the body rather than a paragraph.
  const last = sectPr(false, sections === 0 ? base.footerRefs : "");
  body.push(...current);

  return zip(
    [
      {
        path: "[Content_Types].xml",
        data: base.contentTypes.replace("</Types>", `${charts.types.join("")}</Types>`),
      },
      {
        path: "word/_rels/document.xml.rels",
        data: base.documentRels.replace("</Relationships>", `${charts.rels.join("")}</Relationships>`),
      },
      {
        path: "word/document.xml",
        data: `${base.documentHead}<w:body>${body.join("")}${last}</w:body></w:document>`,
      },
      { path: "docProps/core.xml", data: corePropertiesXml(layout.title) },
      ...base.shared,
      ...charts.parts,
    ],
    DEFLATE_LEVEL,
  );
}

/**
 * The font table: for each font the Windows name Word substitutes when the GB font is missing
 * (w:altName), the GB2312 charset (86), the family (roman = Song/Fang serif, swiss = Hei, script =
 * Kai) and the PANOSE of that face, so no viewer falls back to a sans face for body text.
 */
const fontTable: readonly { name: string; alt: string; family: string; panose: string }[] = [
  { name: FONT.body, alt: "仿宋", family: "modern", panose: "02010609060101010101" },
  { name: FONT.title, alt: "宋体", family: "auto", panose: "02010600030101010101" },
  { name: FONT.heading1, alt: "SimHei", family: "modern", panose: "02010609060101010101" },
  { name: FONT.heading2, alt: "楷体", family: "modern", panose: "02010609060101010101" },
  { name: FONT.pageNumber, alt: "SimSun", family: "auto", panose: "02010600030101010101" },
  { name: "仿宋", alt: "FangSong", family: "modern", panose: "02010609060101010101" },
  { name: "楷体", alt: "KaiTi", family: "modern", panose: "02010609060101010101" },
  { name: FONT.latin, alt: "Liberation Serif", family: "roman", panose: "02020603050405020304" },
];

function fontTableXml(): string {
  const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const fonts = fontTable
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="${f.panose}"/>` +
        `<w:charset w:val="${f.name === FONT.latin ? "00" : "86"}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.family === "roman" ? "variable" : "fixed"}"/></w:font>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${w}">${fonts}</w:fonts>`;
}
