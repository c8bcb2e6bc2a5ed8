import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerCharts, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-option';

// Only what the console draws: bar and line charts as SVG (crisp at any zoom, and in print and screenshots).
registerCharts([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, in words: screen readers read this instead of the drawing. */
  label: string;
  /** In pixels; the width follows the container. */
  height: number;
}

/**
 * An ECharts chart: drawn into a div, redrawn when `option` changes (keep it memoised), resized with its
 * container, disposed with the component. Screen readers get one image with `label`; the numbers themselves
 * belong in a table next to it.
 */
export function EChart({ option, label, height }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div className="echart" role="img" aria-label={label}>
      <div ref={host} className="echart__canvas" style={{ height }} />
    </div>
  );
}
