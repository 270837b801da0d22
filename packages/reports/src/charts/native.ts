import type { TrajectorySeries } from "@ybplan/domain/report";
import { escapeXml } from "../render/xml.ts";
import { type PackedEntry, pack, zip } from "../render/zip.ts";
import { chartTitle, yBounds } from "./scale.ts";

/**
 * An indicator's trajectory as a native DrawingML line chart (`c:lineChart`, ECMA-376 Part 1
 * §21.2) for Word: the actuals, the time-elapsed line (时序进度) and the target, with the numbers
 * also in an embedded workbook (`c:externalData`), so staff restyle the chart and "edit data" in
 * Word or WPS. Every number is the report model's own (`TrajectorySeries`, from the evaluated
 * indicator); nothing is recomputed here. Written as text: a chart is ~10 KB of XML and
 * `report --all` writes thousands.
 */

interface ChartLine {
  /** Legend name and the workbook column's header. */
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly colour: string;
  readonly width: number;
  readonly dash?: "dash" | "sysDot";
  readonly markers?: boolean;
  /** Value labels above the points. */
  readonly labels?: boolean;
}

export const seriesNames = { actual: "实际值", expected: "时序进度", target: "目标值" } as const;

/** The html chart's colours; a breach shows in the title's colour, so a legend reads the same in every chart. */
const colours = { actual: "1F4E9C", expected: "7F7F7F", target: "C0392B", breach: "C0392B" } as const;

/** The lines a trajectory chart draws: the actuals, and where they exist the time-elapsed line and the target. */
export function trajectoryLines(s: TrajectorySeries): ChartLine[] {
  const out: ChartLine[] = [
    {
      name: seriesNames.actual,
      values: s.actual,
      colour: colours.actual,
      width: 2.25,
      markers: true,
      labels: true,
    },
  ];
  if (s.expected.some((v) => v !== null)) {
    out.push({
      name: seriesNames.expected,
      values: s.expected,
      colour: colours.expected,
      width: 1.5,
      dash: "dash",
    });
  }
  if (s.target !== null) {
    const target = s.target;
    out.push({
      name: seriesNames.target,
      values: s.years.map(() => target),
      colour: colours.target,
      width: 1.5,
      dash: "sysDot",
    });
  }
  return out;
}

/** Column letter of the workbook: A holds the years, B… the lines. */
const column = (i: number) => String.fromCharCode(66 + i);

/** A Hei face for chart text (LibreOffice maps it to Noto Sans CJK via fonts/ybplan-fonts.conf). */
const FONT = "黑体";
const grey = '<a:solidFill><a:srgbClr val="595959"/></a:solidFill>';

function runProps(size: number, colour?: string, rot?: string): string {
  const fill = colour ? `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>` : grey;
  return (
    `<c:txPr><a:bodyPr${rot ? ` rot="${rot}" vert="horz"` : ""}/><a:lstStyle/><a:p><a:pPr>` +
    `<a:defRPr sz="${Math.round(size * 100)}" b="0">${fill}<a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr>` +
    `</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`
  );
}

function title(text: string, size: number, colour?: string, rot?: string): string {
  const fill = colour ? `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>` : grey;
  return (
    `<c:title><c:tx><c:rich><a:bodyPr${rot ? ` rot="${rot}" vert="horz"` : ""}/><a:lstStyle/><a:p><a:pPr>` +
    `<a:defRPr sz="${Math.round(size * 100)}" b="0">${fill}<a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr>` +
    `</a:pPr><a:r><a:rPr lang="zh-CN" sz="${Math.round(size * 100)}" b="0">${fill}<a:latin typeface="${FONT}"/><a:ea typeface="${FONT}"/></a:rPr><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

const noLine = "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>";
const gridLine =
  '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>';

function numCache(values: readonly (number | null)[]): string {
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function seriesXml(line: ChartLine, i: number, years: readonly number[]): string {
  const col = column(i);
  const last = years.length + 1;
  const ln =
    `<a:ln w="${Math.round(line.width * 12700)}" cap="rnd"><a:solidFill><a:srgbClr val="${line.colour}"/></a:solidFill>` +
    `${line.dash ? `<a:prstDash val="${line.dash}"/>` : ""}<a:round/></a:ln>`;
  const marker = line.markers
    ? `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${line.colour}"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="${line.colour}"/></a:solidFill></a:ln></c:spPr></c:marker>`
    : '<c:marker><c:symbol val="none"/></c:marker>';
  const labels = line.labels
    ? `<c:dLbls>${noLine}${runProps(7.5, "404040")}<c:dLblPos val="t"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
    : "";
  const categories = years.map((y, k) => `<c:pt idx="${k}"><c:v>${y}</c:v></c:pt>`).join("");
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>Sheet1!$${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(line.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr>${ln}</c:spPr>${marker}${labels}` +
    `<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$${last}</c:f><c:strCache><c:ptCount val="${years.length}"/>${categories}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>Sheet1!$${col}$2:$${col}$${last}</c:f>${numCache(line.values)}</c:numRef></c:val>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

/** `word/charts/chartN.xml`: the chart, its data cached in place and linked to the workbook (`r:id="rId1"`). */
export function trajectoryChartXml(s: TrajectorySeries): string {
  const b = yBounds(s);
  const round = (v: number) => Number(v.toPrecision(12));
  const lines = trajectoryLines(s);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>' +
    title(chartTitle(s), 10, s.breach ? colours.breach : "262626") +
    '<c:autoTitleDeleted val="0"/><c:plotArea>' +
    // The plot where a two-line title above and the axis titles and legend below leave it, the
    // same in Word, WPS and LibreOffice rather than each viewer's auto layout.
    '<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>' +
    '<c:x val="0.15"/><c:y val="0.22"/><c:w val="0.81"/><c:h val="0.43"/></c:manualLayout></c:layout><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    lines.map((l, i) => seriesXml(l, i, s.years)).join("") +
    '<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>' +
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    title("年份", 8) +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `${gridLine.replace("D9D9D9", "BFBFBF")}${runProps(8)}` +
    '<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/><c:max val="${round(b.max)}"/><c:min val="${round(b.min)}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines>${gridLine}</c:majorGridlines>` +
    title(s.unit ? `数值（${s.unit}）` : "数值", 8, undefined, "-5400000") +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${noLine}${runProps(8)}<c:crossAx val="1"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="${round(b.step)}"/></c:valAx>` +
    `${noLine}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/>' +
    `<c:x val="0.04"/><c:y val="0.85"/><c:w val="0.92"/><c:h val="0.14"/></c:manualLayout></c:layout><c:overlay val="0"/>${runProps(8)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="span"/></c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
  );
}

/** `word/charts/_rels/chartN.xml.rels`: the chart's workbook. */
export function chartRelsXml(workbookName: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/${workbookName}"/></Relationships>`
  );
}

const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * The parts every chart workbook shares, packed once. Workbooks are stored, not deflated: the
 * docx around them deflates their bytes anyway.
 */
const workbookParts: readonly PackedEntry[] = [
  {
    path: "[Content_Types].xml",
    data:
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  },
  {
    path: "_rels/.rels",
    data: `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  },
  {
    path: "xl/workbook.xml",
    data: `${head}<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    path: "xl/_rels/workbook.xml.rels",
    data:
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
  },
  {
    path: "xl/styles.xml",
    data:
      `${head}<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
  },
].map((e) => pack(e, 0));

/**
 * The chart's workbook: Sheet1 with the years in A and one column per line, the cells the chart's
 * formulas (Sheet1!$B$2:$B$7 …) point at. The smallest valid SpreadsheetML package.
 */
export function trajectoryWorkbook(s: TrajectorySeries): Uint8Array {
  const lines = trajectoryLines(s);
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(t)}</t></is></c>`;
  const header = `<row r="1">${text("A1", "年份")}${lines.map((l, i) => text(`${column(i)}1`, l.name)).join("")}</row>`;
  const rows = s.years
    .map((y, k) => {
      const r = k + 2;
      const cells = lines
        .map((l, i) => (l.values[k] === null ? "" : `<c r="${column(i)}${r}"><v>${l.values[k]}</v></c>`))
        .join("");
      return `<row r="${r}">${text(`A${r}`, String(y))}${cells}</row>`;
    })
    .join("");
  const sheet = `${head}<worksheet xmlns="${ns}"><cols><col min="1" max="${lines.length + 1}" width="12" customWidth="1"/></cols><sheetData>${header}${rows}</sheetData></worksheet>`;
  return zip([...workbookParts, { path: "xl/worksheets/sheet1.xml", data: sheet }], 0);
}

/** The run that places chart `rId` inline, `width` × `height` px at 96 dpi (9525 EMU a pixel). */
export function chartDrawingXml(
  s: TrajectorySeries,
  rId: string,
  docPrId: number,
  size: { readonly width: number; readonly height: number },
): string {
  const described = s.years
    .flatMap((y, i) => (s.actual[i] === null ? [] : [`${y}年${s.actual[i]}`]))
    .join("，");
  const descr = `${chartTitle(s)}，实际值：${described}${s.target === null ? "" : `；目标值${s.target}`}`;
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${size.width * 9525}" cy="${size.height * 9525}"/>` +
    `<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${docPrId}" name="图表 ${docPrId}" title="${escapeXml(chartTitle(s))}" descr="${escapeXml(descr)}"/>` +
    '<wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}
