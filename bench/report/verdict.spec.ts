import { atLeast, atMost, judge } from './verdict';

describe('judge', () => {
  it('compares with the limit, the limit itself included', () => {
    expect(judge(1000, atLeast(1000, '≥ 1,000/s'))).toBe('met');
    expect(judge(999.9, atLeast(1000, '≥ 1,000/s'))).toBe('missed');
    expect(judge(250, atMost(250, '≤ 250 ms'))).toBe('met');
    expect(judge(251, atMost(250, '≤ 250 ms'))).toBe('missed');
  });

  it('never calls a missing value met, and a row without a target only informs', () => {
    expect(judge(undefined, atMost(250, '≤ 250 ms'))).toBe('not measured');
    expect(judge(Number.NaN, atLeast(1, '≥ 1'))).toBe('not measured');
    expect(judge(42, undefined)).toBe('info');
  });
});
