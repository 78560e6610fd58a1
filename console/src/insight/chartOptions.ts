import type { ChartOption } from '../shared/charts/echarts';
import type { Formatter } from '../shared/hooks/useFormat';
import type { Translate } from '../shared/i18n/I18nProvider';
import { channelLabel } from '../shared/labels';
import type { CategorySales, ChannelCount, OverviewDay } from './api';

const AXIS_LABEL = { color: '#8c8c8c' };
const SPLIT_LINE = { lineStyle: { color: '#f0f0f0' } };
const TOOLTIP_BASE = { backgroundColor: '#fff', borderColor: '#f0f0f0', textStyle: { color: '#262626' } };

/** New customers and orders as bars, events as a line on their own axis, one point per day. */
export function dailyActivityOption(days: OverviewDay[], t: Translate, format: Formatter): ChartOption {
  return {
    tooltip: { ...TOOLTIP_BASE, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: days.map((day) => format.shortDay(day.date)),
      axisLabel: AXIS_LABEL,
      axisLine: { lineStyle: { color: '#d9d9d9' } },
      axisTick: { show: false },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE },
      { type: 'value', minInterval: 1, axisLabel: AXIS_LABEL, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('overview.series.newCustomers'),
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { borderRadius: [3, 3, 0, 0] },
        data: days.map((day) => day.newCustomers),
      },
      {
        name: t('overview.series.orders'),
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { borderRadius: [3, 3, 0, 0] },
        data: days.map((day) => day.orders),
      },
      {
        name: t('overview.series.events'),
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        showSymbol: false,
        lineStyle: { width: 2 },
        data: days.map((day) => day.events),
      },
    ],
    color: ['#1677ff', '#13c2c2', '#faad14'],
  };
}

/** GMV per day as a filled line. */
export function gmvOption(days: OverviewDay[], currency: string, t: Translate, format: Formatter): ChartOption {
  return {
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      valueFormatter: (value: unknown) => format.money(value as number, currency),
    },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: days.map((day) => format.shortDay(day.date)),
      axisLabel: AXIS_LABEL,
      axisLine: { lineStyle: { color: '#d9d9d9' } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      axisLabel: { ...AXIS_LABEL, formatter: (value: number) => format.compactMoney(value, currency) },
      splitLine: SPLIT_LINE,
    },
    series: [
      {
        name: t('overview.series.gmv'),
        type: 'line',
        smooth: true,
        showSymbol: false,
        lineStyle: { width: 2, color: '#1677ff' },
        itemStyle: { color: '#1677ff' },
        areaStyle: {
          color: {
            type: 'linear',
            x: 0,
            y: 0,
            x2: 0,
            y2: 1,
            colorStops: [
              { offset: 0, color: 'rgba(22,119,255,0.28)' },
              { offset: 1, color: 'rgba(22,119,255,0.02)' },
            ],
          },
        },
        data: days.map((day) => day.gmv),
      },
    ],
  };
}

/** Customers by channel of origin as a donut, with the total in its hole. */
export function channelOption(channels: ChannelCount[], total: number, t: Translate, format: Formatter): ChartOption {
  return {
    tooltip: { ...TOOLTIP_BASE, trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, left: 'center', icon: 'circle', itemWidth: 8, itemHeight: 8, itemGap: 12 },
    series: [
      {
        name: t('overview.channels'),
        type: 'pie',
        radius: ['42%', '62%'],
        center: ['50%', '40%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 4 },
        label: {
          show: true,
          position: 'center',
          formatter: () => `${format.number(total)}`,
          fontSize: 22,
          fontWeight: 600,
          color: '#262626',
        },
        labelLine: { show: false },
        emphasis: { label: { show: true } },
        data: channels.map((entry) => ({
          name: entry.channel ? channelLabel(t, entry.channel) : t('overview.unknownChannel'),
          value: entry.customers,
        })),
      },
    ],
  };
}

/** Revenue by category as horizontal bars, largest on top. */
export function categoryOption(categories: CategorySales[], currency: string, t: Translate, format: Formatter): ChartOption {
  const sorted = [...categories].sort((a, b) => (a.revenue ?? 0) - (b.revenue ?? 0));
  return {
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: unknown) => format.money(value as number, currency),
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { ...AXIS_LABEL, hideOverlap: true, formatter: (value: number) => format.compactMoney(value, currency) },
      splitLine: SPLIT_LINE,
    },
    yAxis: {
      type: 'category',
      data: sorted.map((entry) => entry.category ?? t('overview.uncategorised')),
      axisLabel: { color: '#595959' },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        name: t('overview.series.revenue'),
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { borderRadius: [0, 4, 4, 0], color: '#13c2c2' },
        data: sorted.map((entry) => entry.revenue),
      },
    ],
  };
}
