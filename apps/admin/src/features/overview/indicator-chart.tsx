import { useEffect, useRef } from "react";
import { type TrajectoryInput, trajectorySeries } from "./trajectory.ts";

interface Props extends TrajectoryInput {
  name: string;
  unit: string | null;
  height?: number;
}

/** Actual values against the target and the time-elapsed line, for one indicator. */
export function IndicatorChart({ name, unit, height = 280, ...input }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const s = trajectorySeries(input);
  const key = JSON.stringify(s);

  useEffect(() => {
    if (!ref.current) return;
    const series = JSON.parse(key) as typeof s;
    const option = {
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { data: ["实际值", "规划目标", "时序进度线"], top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: "category", data: series.years.map(String) },
      yAxis: { type: "value", name: unit ?? "", scale: true },
      series: [
        { name: "实际值", type: "line", data: series.actual, connectNulls: false, symbolSize: 8 },
        {
          name: "规划目标",
          type: "line",
          data: series.target,
          lineStyle: { type: "dashed" },
          symbol: "none",
        },
        {
          name: "时序进度线",
          type: "line",
          data: series.timeElapsed,
          lineStyle: { type: "dotted" },
          symbol: "none",
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

  return (
    <div ref={ref} role="img" aria-label={`${name} 实际值与目标对比图`} style={{ width: "100%", height }} />
  );
}
