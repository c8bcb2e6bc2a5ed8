import { renderThroughputChart, throughputBars } from './chart';
import type { BenchResults } from './results';

const results: BenchResults = {
  hops: {
    raw: { count: 1000, seconds: 0.5, expected: 1000, lost: 0, doubled: 0 },
    stock: { count: 1000, seconds: 4, expected: 1000, lost: 0, doubled: 0 },
  },
  throughput: {
    count: 2000,
    seconds: 2,
    stages: {
      registered: { expected: 2000, lost: 0, doubled: 0 },
      routed: { expected: 2000, lost: 0, doubled: 0 },
      deadlineAssigned: { expected: 2000, lost: 0, doubled: 0 },
    },
  },
  memory: [],
};

describe('throughputBars', () => {
  it('keeps the fixed order and leaves out what was not measured', () => {
    expect(throughputBars(results).map((bar) => [bar.name, bar.value])).toEqual([
      ['raw single-hop floor', 2000],
      ['stock NestJS hop', 250],
      ['end to end (all services)', 1000],
    ]);
  });
});

describe('renderThroughputChart', () => {
  it('draws an SVG without a browser, with the values and the goal line labelled', () => {
    const svg = renderThroughputChart(results, '2 cores');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('2000/s');
    expect(svg).toContain('end-to-end goal 1,000/s');
  });
});
