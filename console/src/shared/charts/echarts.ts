import { BarChart, CustomChart, HeatmapChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the console draws, to keep the chart library's share of the bundle small.
echarts.use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  PieChart,
  SankeyChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/** Colours that sit well with Ant Design's default blue theme. */
export const PALETTE = ['#1677ff', '#13c2c2', '#faad14', '#722ed1', '#52c41a', '#eb2f96', '#fa541c', '#2f54eb'];
