import { useEffect, useRef } from 'react';
import { echarts, PALETTE, type ChartOption } from './echarts';

interface ChartProps {
  option: ChartOption;
  height?: number;
  testId?: string;
  ariaLabel?: string;
}

/** An ECharts canvas that follows its container's width and redraws when its option changes. */
export function Chart({ option, height = 300, testId, ariaLabel }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) {
      return;
    }
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    instance.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    instance.current?.setOption({ color: PALETTE, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={container} style={{ height, width: '100%' }} data-testid={testId} role="img" aria-label={ariaLabel} />;
}
