import { isoDateInChina } from "@ybplan/domain/common";
import { useEffect, useRef } from "react";

export interface HistoryStep {
  from: string;
  to: string | null;
  value: number;
  valueText: string;
  documentTitle: string;
}

/** A parameter's values over time as a step line: each value holds from its start until the next. */
export function HistoryChart({
  steps,
  title,
  unit,
}: {
  steps: readonly HistoryStep[];
  title: string;
  unit: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(steps);
  useEffect(() => {
    if (!ref.current) return;
    const s = JSON.parse(key) as HistoryStep[];
    const last = s[s.length - 1];
    // The last step is drawn to its end, or open-ended to today.
    const end = last ? (last.to ?? isoDateInChina(new Date())) : null;
    const dates = [...s.map((x) => x.from), ...(end ? [end] : [])];
    const values = [...s.map((x) => x.value), ...(last ? [last.value] : [])];
    const option = {
      animation: false,
      tooltip: {
        trigger: "axis",
        formatter: (items: { dataIndex: number }[]) => {
          const step = s[Math.min(items[0]?.dataIndex ?? 0, s.length - 1)];
          return step ? `${step.from} 起：${step.valueText}（《${step.documentTitle}》）` : "";
        },
      },
      grid: { left: 56, right: 24, top: 24, bottom: 28 },
      xAxis: { type: "category", data: dates, boundaryGap: false },
      yAxis: { type: "value", name: unit, scale: true },
      series: [{ name: title, type: "line", step: "end", data: values, symbolSize: 8 }],
    };
    let chart: { resize(): void; dispose(): void } | null = null;
    let cancelled = false;
    void import("../../lib/echarts.ts").then(({ echarts }) => {
      if (cancelled || !ref.current) return;
      const instance = echarts.init(ref.current, undefined, { renderer: "svg" });
      chart = instance;
      instance.setOption(option);
    });
    return () => {
      cancelled = true;
      chart?.dispose();
    };
  }, [key, title, unit]);
  return <div ref={ref} role="img" aria-label={`${title}变化`} style={{ width: "100%", height: 260 }} />;
}
