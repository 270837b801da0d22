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

function run(text: string, eastAsia: string, size: number, extra: { bold?: boolean; color?: string } = {}) {
  return new TextRun({ text, font: font(eastAsia), size: pt(size), ...extra });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONT.body, 16)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: pt(16) * 20 }, // two characters
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });
}

function heading(text: string, eastAsia: string): Paragraph {
  return new Paragraph({
    children: [run(text, eastAsia, 16)],
    indent: { firstLine: pt(16) * 20 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONT.heading1, 12)],
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 60 },
    keepNext: true,
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function tableCell(c: Cell, opts: { header?: boolean; fill?: string; ink?: string; width: number }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    shading: opts.fill ? { type: ShadingType.CLEAR, color: "auto", fill: opts.fill } : undefined,
    children: [
      new Paragraph({
        alignment: opts.header || typeof c === "number" ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [
          run(c === null ? "" : String(c), opts.header ? FONT.heading1 : FONT.body, 10.5, {
            color: opts.ink,
          }),
        ],
      }),
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
    caption(f.caption),
  ];
}

function sizeOf(svg: string) {
  const w = /<svg[^>]*\bwidth="(\d+(?:\.\d+)?)/.exec(svg);
  const h = /<svg[^>]*\bheight="(\d+(?:\.\d+)?)/.exec(svg);
  return { width: Number(w?.[1] ?? 720), height: Number(h?.[1] ?? 400) };
}

export async function renderDocx(layout: ReportLayout, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200, line: 720, lineRule: LineRuleType.AT_LEAST },
      children: [run(layout.title, FONT.title, 22)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300, line: LINE, lineRule: LineRuleType.EXACT },
      children: [run(layout.subtitle, FONT.heading2, 16)],
    }),
  ];
  for (const s of layout.sections) {
    children.push(heading(s.heading, FONT.heading1));
    for (const b of s.blocks) {
      switch (b.kind) {
        case "paragraph":
          children.push(bodyParagraph(b.text));
          break;
        case "subheading":
          children.push(heading(b.text, FONT.heading2));
          break;
        case "table":
          children.push(caption(b.table.caption), table(b.table), new Paragraph({ children: [] }));
          break;
        case "figure":
          if (options.charts !== false) children.push(...(await figure(b.figure, options)));
          break;
      }
    }
  }
  for (const n of layout.notes) {
    children.push(new Paragraph({ children: [run(n, FONT.body, 12, { color: "404040" })] }));
  }

  const doc = new Document({
    title: layout.title,
    creator: "ybplan",
    styles: {
      default: {
        document: { run: { font: font(FONT.body), size: pt(16) } },
      },
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
