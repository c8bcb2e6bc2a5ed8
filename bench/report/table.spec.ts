import type { BenchResults } from './results';
import { buildRows } from './table';

const exact = (expected: number) => ({ expected, lost: 0, doubled: 0 });
const results: BenchResults = {
  throughput: {
    count: 10_000,
    seconds: 8,
    stages: {
      registered: exact(10_000),
      routed: exact(10_000),
      deadlineAssigned: { expected: 10_000, lost: 2, doubled: 1 },
    },
  },
  hops: {
    raw: { count: 10_000, seconds: 1, ...exact(10_000) },
    ours: { count: 10_000, seconds: 1.6, ...exact(10_000) },
    stock: { count: 10_000, seconds: 10, ...exact(10_000) },
  },
  latency: {
    ratePerSecond: 200,
    seconds: 60,
    published: 12_000,
    toRouted: { count: 12_000, p50: 40, p95: 120, p99: 260, max: 900 },
    toFirstNotification: { count: 12_000, p50: 60, p95: 150, p99: 300, max: 1000 },
  },
  memory: [
    { scenario: 'throughput', process: 'intake', peakMb: 180, method: 'VmRSS', isService: true },
    { scenario: 'latency', process: 'intake', peakMb: 300, method: 'VmRSS', isService: true },
    { scenario: 'throughput', process: 'PostgreSQL', peakMb: 700, method: 'Pss', isService: false },
  ],
};

const byScenario = (scenario: string) => buildRows(results).find((row) => row.scenario.startsWith(scenario));

describe('buildRows', () => {
  it('judges end-to-end throughput against 1,000/s and sets it beside the raw hop', () => {
    expect(byScenario('end to end throughput')).toEqual({
      scenario: 'end to end throughput (N=10,000)',
      measured: '1,250 appeals/s',
      comparedTo: 'raw hop 10,000 msg/s',
      ratio: '0.13×',
      target: '≥ 1,000 appeals/s',
      verdict: 'met',
    });
  });

  it('fails the count row for one lost or doubled appeal and says where', () => {
    const row = byScenario('end to end: nothing lost');
    expect(row?.verdict).toBe('missed');
    expect(row?.measured).toContain('deadlineAssigned 9998/10000, 1 doubled');
  });

  it('gives our hop as multiples of the stock approach and of the raw floor', () => {
    expect(byScenario('our intake hop vs stock')).toMatchObject({ ratio: '6.25×', verdict: 'met' });
    expect(byScenario('our intake hop vs raw floor')).toMatchObject({ ratio: '0.63×', verdict: 'met' });
  });

  it('judges p99 to routed, and only informs of the first notification', () => {
    expect(byScenario('latency publish → routed')).toMatchObject({
      target: 'p99 ≤ 250 ms',
      verdict: 'missed',
    });
    expect(byScenario('latency publish → first notification')?.verdict).toBe('info');
  });

  it("holds each service's highest peak to 256 MB; PostgreSQL only informs", () => {
    expect(byScenario('peak memory: intake')).toMatchObject({
      measured: '300 MB (latency)',
      verdict: 'missed',
    });
    expect(byScenario('peak memory: PostgreSQL')).toMatchObject({ target: '—', verdict: 'info' });
  });

  it('leaves out what the run did not measure', () => {
    expect(buildRows({ memory: [] })).toEqual([]);
  });
});
