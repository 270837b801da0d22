/**
 * ECharts with only the pieces the app uses (line charts, grid, tooltip, legend, mark lines),
 * so the chart chunk stays small. Loaded lazily with the screens that draw charts.
 */
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export { echarts };
