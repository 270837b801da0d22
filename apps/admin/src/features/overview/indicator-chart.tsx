import { useEffect, useRef } from "react";
import { echarts } from "../../lib/echarts.ts";
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
    const chart = echarts.init(ref.current, undefined, { renderer: "svg" });
    const series = JSON.parse(key) as typeof s;
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { data: ["实际值", "规划目标", "时序进度线"], top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: "category", data: series.years.map(String) },
      yAxis: { type: "value", name: unit ?? "", scale: true },
      series: [
        { name: "实际值", type: "line", data: series.actual, connectNulls: false, symbolSize: 8 },
        { name: "规划目标", type: "line", data: series.target, lineStyle: { type: "dashed" }, symbol: "none" },
        { name: "时序进度线", type: "line", data: series.timeElapsed, lineStyle: { type: "dotted" }, symbol: "none" },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("resize", onResize);
      chart.dispose();
    };
  }, [key, unit]);

  return <div ref={ref} role="img" aria-label={`${name} 实际值与目标对比图`} style={{ width: "100%", height }} />;
}
