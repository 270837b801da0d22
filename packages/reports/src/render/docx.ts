import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
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
 * page numbers "— 1 —" centred, tables whose header row repeats on every page.
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

const LINE = 579; // 28.95 pt in twips
const TEXT_WIDTH_MM = 210 - 28 - 26;

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
  { id: "ybTitle", name: "ybplan 标题", run: { font: font(FONT.title), size: pt(22) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200, line: 720, lineRule: LineRuleType.AT_LEAST } } },
  { id: "ybSubtitle", name: "ybplan 副标题", run: { font: font(FONT.heading2), size: pt(16) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 300, ...exact } } },
  { id: "ybBody", name: "ybplan 正文", run: { font: font(FONT.body), size: pt(16) }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: indent2, spacing: exact } },
  { id: "ybHeading1", name: "ybplan 一级标题", run: { font: font(FONT.heading1), size: pt(16) }, paragraph: { indent: indent2, spacing: exact, keepNext: true, outlineLevel: 0 } },
  { id: "ybHeading2", name: "ybplan 二级标题", run: { font: font(FONT.heading2), size: pt(16) }, paragraph: { indent: indent2, spacing: exact, keepNext: true, outlineLevel: 1 } },
  { id: "ybCaption", name: "ybplan 表题", run: { font: font(FONT.heading1), size: pt(12) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true } },
  { id: "ybCell", name: "ybplan 表格文字", run: { font: font(FONT.body), size: pt(10.5) }, paragraph: { alignment: AlignmentType.LEFT } },
  { id: "ybCellCenter", name: "ybplan 表格文字居中", basedOn: "ybCell", run: { font: font(FONT.body), size: pt(10.5) }, paragraph: { alignment: AlignmentType.CENTER } },
  { id: "ybCellHead", name: "ybplan 表头", run: { font: font(FONT.heading1), size: pt(10.5) }, paragraph: { alignment: AlignmentType.CENTER } },
  { id: "ybNote", name: "ybplan 注", run: { font: font(FONT.body), size: pt(12), color: "404040" }, paragraph: {} },
];

function para(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function tableCell(c: Cell, opts: { header?: boolean; fill?: string; ink?: string; width: number }): TableCell {
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
  const total = mm(TEXT_WIDTH_MM);
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
            fill: isVerdict ? verdictFill[r.verdict!] : undefined,
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

export async function renderDocx(layout: ReportLayout, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [para("ybTitle", layout.title), para("ybSubtitle", layout.subtitle)];
  for (const s of layout.sections) {
    children.push(para("ybHeading1", s.heading));
    for (const b of s.blocks) {
      switch (b.kind) {
        case "paragraph":
          children.push(para("ybBody", b.text));
          break;
        case "subheading":
          children.push(para("ybHeading2", b.text));
          break;
        case "table":
          children.push(para("ybCaption", b.table.caption), table(b.table), new Paragraph({ children: [] }));
          break;
        case "figure":
          if (options.charts !== false) children.push(...(await figure(b.figure, options)));
          break;
      }
    }
  }
  for (const n of layout.notes) children.push(para("ybNote", n));

  const doc = new Document({
    title: layout.title,
    creator: "ybplan",
    styles: {
      default: {
        document: { run: { font: font(FONT.body), size: pt(16) } },
      },
      paragraphStyles,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) - 200 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FONT.pageNumber), size: pt(14) }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
