import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { svgToPng } from "../charts/rasterise.ts";
import { smallMultiplesSvg } from "../charts/trajectory.ts";
import type { Cell, LayoutFigure, LayoutTable, ReportLayout } from "../layout.ts";
import { verdictFill, verdictInk } from "../verdict-style.ts";

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

function para(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function tableCell(
  c: Cell,
  opts: { header?: boolean; fill?: string; ink?: string; width: number },
): TableCell {
  const text = c === null ? "" : String(c);
  const style = opts.header ? "ybCellHead" : typeof c === "number" ? "ybCellCenter" : "ybCell";
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: opts.fill ? { type: ShadingType.CLEAR, color: "auto", fill: opts.fill } : undefined,
    children: [
      opts.ink
        ? new Paragraph({ style, children: [new TextRun({ text, color: opts.ink })] })
        : para(style, text),
    ],
  });
}

function table(t: LayoutTable): Table {
  const total = mm(t.landscape ? LANDSCAPE_WIDTH_MM : TEXT_WIDTH_MM);
  const weights = t.widths && t.widths.length === t.columns.length ? t.widths : t.columns.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => tableCell(c, { header: true, fill: "F2F2F2", width: widths[i]! })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((c, i) => {
          const isVerdict = i === t.verdictColumn && r.verdict !== undefined;
          return tableCell(c, {
            width: widths[i]!,
            // A breach row is marked across the row, not only in its verdict cell.
            fill: isVerdict ? verdictFill[r.verdict!] : r.breach ? "FDE9E7" : undefined,
            ink: isVerdict ? verdictInk[r.verdict!] : undefined,
          });
        }),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    borders,
  });
}

export interface DocxOptions {
  /** Pixel width the figure is rasterised at (display width is the text block). */
  readonly chartPixelWidth?: number;
  /** Leave charts out (fast previews). */
  readonly charts?: boolean;
}

async function figure(f: LayoutFigure, options: DocxOptions): Promise<Paragraph[]> {
  const svg = smallMultiplesSvg(f.series, 720, 190);
  const { width, height } = sizeOf(svg);
  const png = await svgToPng(svg, options.chartPixelWidth ?? 1080);
  // Display at the text block's width (156 mm ≈ 590 px at 96 dpi).
  const displayWidth = 590;
  const displayHeight = Math.round((height / width) * displayWidth);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: "png",
          data: png,
          transformation: { width: displayWidth, height: displayHeight },
          altText: { name: "chart", title: f.caption, description: f.series.map((s) => s.name).join("、") },
        }),
      ],
    }),
    para("ybCaption", f.caption),
  ];
}

function sizeOf(svg: string) {
  const w = /<svg[^>]*\bwidth="(\d+(?:\.\d+)?)/.exec(svg);
  const h = /<svg[^>]*\bheight="(\d+(?:\.\d+)?)/.exec(svg);
  return { width: Number(w?.[1] ?? 720), height: Number(h?.[1] ?? 400) };
}

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

type Body = (Paragraph | Table)[];

function sectionOf(children: Body, landscape: boolean, first: boolean) {
  // docx swaps width and height itself for a landscape page.
  const width = mm(210);
  const height = mm(297);
  return {
    properties: {
      page: {
        size: {
          width,
          height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        // Landscape pages keep the portrait margins turned with the paper.
        margin: landscape
          ? { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35), footer: mm(14) }
          : { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) - 200 },
      },
      grid: landscape
        ? { type: DocumentGridType.DEFAULT }
        : // Line grid; the character pitch is recorded for Word's grid dialog but not enforced,
          // as LibreOffice spaces characters by it far wider than Word does.
          { type: DocumentGridType.LINES, linePitch: LINE, charSpace: CHAR_SPACE },
    },
    // Later sections inherit the first one's footers (OOXML §17.10.5): two footer parts in all.
    ...(first ? { footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") } } : {}),
    children,
  };
}

export async function renderDocx(layout: ReportLayout, options: DocxOptions = {}): Promise<Uint8Array> {
  const sections: { children: Body; landscape: boolean }[] = [];
  let current: Body = [para("ybTitle", layout.title), para("ybRecipient", layout.recipient)];
  const flush = (landscape: boolean) => {
    if (current.length > 0) sections.push({ children: current, landscape });
    current = [];
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
            current.push(para("ybCaption", b.table.caption), table(b.table), new Paragraph({ children: [] }));
            flush(true);
          } else {
            current.push(para("ybCaption", b.table.caption), table(b.table), new Paragraph({ children: [] }));
          }
          break;
        case "figure":
          if (options.charts !== false) current.push(...(await figure(b.figure, options)));
          break;
      }
    }
  }
  for (const n of layout.notes) current.push(para("ybNote", n));
  current.push(
    new Paragraph({ style: "ybBody", children: [] }),
    para("ybSignature", layout.signature.bureau),
    para("ybSignature", layout.signature.date),
  );
  flush(false);

  const doc = new Document({
    title: layout.title,
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
    sections: sections.map((s, i) => sectionOf(s.children, s.landscape, i === 0)),
  });
  return new Uint8Array(
    await Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]),
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

export function fontTableXml(): string {
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
