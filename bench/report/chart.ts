import * as echarts from 'echarts';
import { perSecond, type BenchResults } from './results';

const WIDTH = 900;
const HEIGHT = 420;
const END_TO_END_TARGET = 1000;

interface Bar {
  name: string;
  value: number;
  color: string;
}

/** The bars of a run, in a fixed order, leaving out what this run did not measure. */
export function throughputBars(results: BenchResults): Bar[] {
  const { hops, throughput } = results;
  const bars: Array<Bar | undefined> = [
    hops?.raw && { name: 'raw single-hop floor', value: perSecond(hops.raw), color: '#9e9e9e' },
    hops?.ours && { name: 'our intake hop', value: perSecond(hops.ours), color: '#1565c0' },
    hops?.stock && { name: 'stock NestJS hop', value: perSecond(hops.stock), color: '#ef6c00' },
    throughput && { name: 'end to end (all services)', value: perSecond(throughput), color: '#2e7d32' },
  ];
  return bars
    .filter((bar): bar is Bar => bar !== undefined)
    .map((bar) => ({ ...bar, value: Math.round(bar.value) }));
}

/**
 * A bar chart of messages per second, drawn by echarts' server-side SVG renderer (no browser): the three
 * hops beside each other, the whole system beside its 1,000 appeals/s goal.
 */
export function renderThroughputChart(results: BenchResults, subtitle: string): string {
  const bars = throughputBars(results);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: 'Throughput (messages per second, higher is better)', subtext: subtitle, left: 'center' },
    grid: { left: 80, right: 40, top: 80, bottom: 50 },
    xAxis: { type: 'category', data: bars.map((bar) => bar.name), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: 'per second' },
    series: [
      {
        type: 'bar',
        barMaxWidth: 90,
        data: bars.map((bar) => ({ value: bar.value, itemStyle: { color: bar.color } })),
        label: { show: true, position: 'top', formatter: '{c}/s' },
        markLine: results.throughput
          ? {
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#2e7d32' },
              label: { formatter: 'end-to-end goal 1,000/s', position: 'insideEndTop' },
              data: [{ yAxis: END_TO_END_TARGET }],
            }
          : undefined,
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
