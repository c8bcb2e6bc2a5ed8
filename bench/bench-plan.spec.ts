import { parseBenchPlan } from './bench-plan';

describe('parseBenchPlan', () => {
  it('runs everything at the issue sizes by default', () => {
    const plan = parseBenchPlan([], {});
    expect(plan.count).toBe(100_000);
    expect(plan.latency).toEqual({ ratePerSecond: 200, seconds: 60 });
    expect([...plan.scenarios]).toEqual(['throughput', 'latency', 'hops', 'emails', 'deadlines']);
  });

  it('takes N, the rate and the duration from the command line', () => {
    const plan = parseBenchPlan(['3000', '--rate=50', '--duration=20', '--warm-up=100'], {});
    expect(plan).toMatchObject({ count: 3000, warmUp: 100, latency: { ratePerSecond: 50, seconds: 20 } });
  });

  it('runs only what --only and the -only shorthands name', () => {
    expect([...parseBenchPlan(['--only=hops,latency'], {}).scenarios]).toEqual(['hops', 'latency']);
    expect([...parseBenchPlan(['--emails-only'], {}).scenarios]).toEqual(['emails']);
    expect([...parseBenchPlan(['--throughput-only', '--latency-only'], {}).scenarios]).toEqual([
      'throughput',
      'latency',
    ]);
  });

  it('refuses an unknown scenario and a size that is not a positive whole number', () => {
    expect(() => parseBenchPlan(['--only=speed'], {})).toThrow('--only: "speed"');
    expect(() => parseBenchPlan(['0'], {})).toThrow('N must be');
    expect(() => parseBenchPlan(['--rate=2.5'], {})).toThrow('--rate');
  });
});
