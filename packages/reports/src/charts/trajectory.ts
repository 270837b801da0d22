import type { TrajectorySeries } from "@ybplan/domain/report";
import * as echarts from "echarts";

/**
 * Indicator trajectories drawn with ECharts' server-side SVG renderer: the actual values, the
 * time-elapsed line (时序进度) and the target as a horizontal line.
 */

export const CHART_FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif";

const colours = { actual: "#1f4e9c", expected: "#8c8c8c", target: "#c0392b", breach: "#c0392b" };

function seriesOptions(s: TrajectorySeries, gridIndex: number) {
  const axis = { xAxisIndex: gridIndex, yAxisIndex: gridIndex };
  const out: Record<string, unknown>[] = [
    {
      ...axis,
      name: "实际值",
      type: "line",
      data: s.actual.map((v) => v ?? null),
      connectNulls: true,
      symbolSize: 6,
      lineStyle: { width: 2.5, color: s.breach ? colours.breach : colours.actual },
      itemStyle: { color: s.breach ? colours.breach : colours.actual },
    },
  ];
  if (s.expected.some((v) => v !== null)) {
    out.push({
      ...axis,
      name: "时序进度",
      type: "line",
      data: s.expected.map((v) => (v === null ? null : Math.round(v * 100) / 100)),
      symbol: "none",
      lineStyle: { width: 1.5, type: "dashed", color: colours.expected },
      itemStyle: { color: colours.expected },
    });
  }
  if (s.target !== null) {
    out.push({
      ...axis,
      name: "目标值",
      type: "line",
      data: s.years.map(() => s.target),
      symbol: "none",
      lineStyle: { width: 1.5, type: "dotted", color: colours.target },
      itemStyle: { color: colours.target },
    });
  }
  return out;
}

function yBounds(s: TrajectorySeries): { min: number; max: number } {
  const values = [...s.actual, ...s.expected, s.target].filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.15, Math.abs(hi) * 0.01, 0.5);
  const step = niceStep((hi - lo + 2 * pad) / 4);
  return { min: Math.floor((lo - pad) / step) * step, max: Math.ceil((hi + pad) / step) * step };
}

function niceStep(raw: number): number {
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

function title(s: TrajectorySeries): string {
  return s.unit ? `${s.name}（${s.unit}）` : s.name;
}

function render(option: Record<string, unknown>, width: number, height: number): string {
  // A fresh instance each time: a live ECharts instance keeps zrender's animation timer running,
  // which would keep the process alive after the last report.
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** One indicator's chart as an SVG string. */
export function trajectorySvg(s: TrajectorySeries, width = 640, height = 320): string {
  const b = yBounds(s);
  return render(
    {
      title: { text: title(s), left: "center", textStyle: { fontSize: 15, fontWeight: "normal" } },
      legend: { bottom: 0, textStyle: { fontSize: 12 } },
      grid: { left: 56, right: 24, top: 44, bottom: 48 },
      xAxis: { type: "category", data: s.years.map(String), boundaryGap: false },
      yAxis: { type: "value", min: b.min, max: b.max, splitNumber: 4 },
      series: seriesOptions(s, 0),
    },
    width,
    height,
  );
}

/**
 * Several indicators in one figure, two per row (small multiples). One image per report keeps
 * the docx rasterising cost flat however many indicators a plan has.
 */
export function smallMultiplesSvg(
  series: readonly TrajectorySeries[],
  width = 720,
  cellHeight = 200,
): string {
  const cols = series.length > 1 ? 2 : 1;
  const rows = Math.ceil(series.length / cols);
  const legendHeight = 28;
  const height = rows * cellHeight + legendHeight;
  const cellWidth = width / cols;
  const grids: Record<string, unknown>[] = [];
  const xAxes: Record<string, unknown>[] = [];
  const yAxes: Record<string, unknown>[] = [];
  const titles: Record<string, unknown>[] = [];
  const allSeries: Record<string, unknown>[] = [];
  series.forEach((s, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const left = col * cellWidth;
    const top = row * cellHeight;
    grids.push({ left: left + 48, width: cellWidth - 68, top: top + 32, height: cellHeight - 62 });
    const b = yBounds(s);
    xAxes.push({
      gridIndex: i,
      type: "category",
      data: s.years.map(String),
      boundaryGap: false,
      axisLabel: { fontSize: 10 },
    });
    yAxes.push({
      gridIndex: i,
      type: "value",
      min: b.min,
      max: b.max,
      splitNumber: 3,
      axisLabel: { fontSize: 10 },
    });
    titles.push({
      text: truncate(title(s), cols === 2 ? 20 : 40),
      left: left + cellWidth / 2,
      top: top + 6,
      textAlign: "center",
      textStyle: { fontSize: 12, fontWeight: "normal", color: s.breach ? colours.breach : "#333" },
    });
    allSeries.push(...seriesOptions(s, i));
  });
  return render(
    {
      title: titles,
      legend: { bottom: 4, data: ["实际值", "时序进度", "目标值"], textStyle: { fontSize: 11 } },
      grid: grids,
      xAxis: xAxes,
      yAxis: yAxes,
      series: allSeries,
    },
    width,
    height,
  );
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
