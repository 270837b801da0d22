import type { TrajectorySeries } from "@ybplan/domain/report";
import * as echarts from "echarts";
import { chartTitle, yBounds } from "./scale.ts";

/**
 * Indicator trajectories drawn with ECharts' server-side SVG renderer for the html report: the
 * actual values, the time-elapsed line (时序进度) and the target as a horizontal line. (The docx
 * draws the same lines as native charts: native.ts.)
 */

const CHART_FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif";

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
      title: { text: chartTitle(s), left: "center", textStyle: { fontSize: 15, fontWeight: "normal" } },
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
