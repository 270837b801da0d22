import { useEffect, useRef } from "react";
import type { CountChartSeries } from "./model.ts";

/** Cumulative distinct varieties per year against the plan target (a horizontal mark line). */
export function CountChart({
  series,
  unit,
  title,
}: {
  series: CountChartSeries;
  unit: string;
  title: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(series);
  useEffect(() => {
    if (!ref.current) return;
    const s = JSON.parse(key) as CountChartSeries;
    const estimated = new Set(s.estimatedYears);
    const option = {
      animation: false,
      tooltip: {
        trigger: "axis",
        formatter: (items: { axisValue: string; value: number }[]) => {
          const i = items[0];
          if (!i) return "";
          return `${i.axisValue}年末：${i.value}${unit}${estimated.has(i.axisValue) ? "（含仅有数量的批次，估算）" : ""}`;
        },
      },
      grid: { left: 56, right: 120, top: 24, bottom: 28 },
      xAxis: { type: "category", data: s.years },
      yAxis: {
        type: "value",
        name: unit,
        max: s.target ? (v: { max: number }) => Math.max(v.max, s.target!.value) : undefined,
      },
      series: [
        {
          name: "累计品种数",
          type: "line",
          data: s.values.map((v, i) => ({
            value: v,
            symbol: estimated.has(s.years[i]!) ? "emptyCircle" : "circle",
          })),
          symbolSize: 8,
          markLine: s.target
            ? {
                symbol: "none",
                label: { formatter: s.target.label },
                lineStyle: { type: "dashed" },
                data: [{ yAxis: s.target.value }],
              }
            : undefined,
        },
      ],
    };
    // ECharts is loaded only when a chart is drawn (its own chunk, after the data arrived).
    let chart: { resize(): void; dispose(): void } | null = null;
    let cancelled = false;
    const onResize = () => chart?.resize();
    void import("../../lib/echarts.ts").then(({ echarts }) => {
      if (cancelled || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: "svg" });
      chart = instance;
      instance.setOption(option);
      window.addEventListener("resize", onResize);
    });
    return () => {
      cancelled = true;
      window.removeEventListener("resize", onResize);
      chart?.dispose();
    };
  }, [key, unit]);
  return <div ref={ref} role="img" aria-label={title} style={{ width: "100%", height: 320 }} />;
}
