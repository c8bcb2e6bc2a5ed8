import { register } from 'prom-client';
import { gaugeFromDatabase, type GaugeReading } from './database-gauge';

type Read = () => Promise<Array<GaugeReading<'state'>>>;

let current: Read = () => Promise.resolve([]);
gaugeFromDatabase({
  name: 'test_deadlines',
  help: 'appeals by state',
  labelNames: ['state'],
  read: () => current(),
  timeoutMs: 50,
});

/** The gauge's values as a scrape of /metrics shows them, and the misses counted so far. */
async function scrape(): Promise<{ deadlines: Record<string, number>; failures: number }> {
  const metrics = await register.getMetricsAsJSON();
  const deadlines = metrics.find((metric) => metric.name === 'test_deadlines');
  // Read after the scrape: a scrape's counters are read before its gauges' queries end.
  const failures = await register.getSingleMetric('appeals_metrics_collect_failures_total')?.get();
  return {
    deadlines: Object.fromEntries(
      (deadlines?.values ?? []).map((value) => [String(value.labels.state), value.value]),
    ),
    failures: (failures?.values ?? []).find((value) => value.labels.gauge === 'test_deadlines')?.value ?? 0,
  };
}

describe('gaugeFromDatabase', () => {
  it('shows what the query read at each scrape', async () => {
    current = () => Promise.resolve([{ labels: { state: 'watching' }, value: 3 }]);
    expect((await scrape()).deadlines).toEqual({ watching: 3 });
    current = () => Promise.resolve([{ labels: { state: 'warned' }, value: 1 }]);
    expect((await scrape()).deadlines).toEqual({ warned: 1 });
  });

  it('keeps the last values and counts the miss when the query fails, without failing the scrape', async () => {
    current = () => Promise.resolve([{ labels: { state: 'watching' }, value: 7 }]);
    const before = await scrape();
    current = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    const during = await scrape();
    expect(during.deadlines).toEqual({ watching: 7 });
    expect(during.failures).toBe(before.failures + 1);
  });

  it('answers with the last values when the query hangs, and runs no second query while it does', async () => {
    current = () => Promise.resolve([{ labels: { state: 'escalated' }, value: 2 }]);
    const before = await scrape();
    let queries = 0;
    let answer!: (rows: Array<GaugeReading<'state'>>) => void;
    current = () => {
      queries += 1;
      return new Promise((resolve) => (answer = resolve));
    };
    expect((await scrape()).deadlines).toEqual({ escalated: 2 });
    const during = await scrape();
    expect(during.deadlines).toEqual({ escalated: 2 });
    expect(during.failures).toBe(before.failures + 2);
    expect(queries).toBe(1);

    answer([{ labels: { state: 'escalated' }, value: 5 }]);
    current = () => new Promise(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect((await scrape()).deadlines).toEqual({ escalated: 5 });
  });
});
