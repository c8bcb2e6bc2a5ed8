import { percentile, summarizeLatencies } from './percentiles';

describe('percentile', () => {
  it('takes the nearest rank, a value that was observed', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([10, 20, 30], 50)).toBe(20);
  });

  it('is the only value of a single sample and NaN of none', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarizeLatencies', () => {
  it('sorts, rounds and counts', () => {
    expect(summarizeLatencies([3.4, 1.2, 2.6, 100.5])).toEqual({
      count: 4,
      p50: 3,
      p95: 101,
      p99: 101,
      max: 101,
    });
  });
});
