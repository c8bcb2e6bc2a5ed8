import { Counter, Gauge, register } from 'prom-client';

export interface GaugeReading<L extends string> {
  labels: Record<L, string>;
  value: number;
}

export interface DatabaseGaugeOptions<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  /** The query behind the gauge; it runs at a scrape, at most one at a time. */
  read: () => Promise<Array<GaugeReading<L>>>;
  /** How long a scrape waits for the query before answering with the last values. */
  timeoutMs?: number;
}

const collectFailures = new Counter({
  name: 'appeals_metrics_collect_failures_total',
  help: 'Scrapes at which a gauge read from the database failed or was too slow, so it kept its last values',
  labelNames: ['gauge'] as const,
});

/** Resolves to the outcome, or to false once `timeoutMs` has passed; never rejects. */
export function settledWithin(outcome: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  return Promise.race([outcome, late]).finally(() => clearTimeout(timer));
}

/**
 * A gauge read from the database at each scrape that never fails the scrape: while the database is away or
 * slow, `/metrics` answers at once with the last values it read (and counts the miss), so every other metric
 * of the service stays visible exactly when it is needed. A slow read that finishes later still updates it.
 */
export function gaugeFromDatabase<L extends string>(options: DatabaseGaugeOptions<L>): Gauge<L> {
  let reading: Promise<boolean> | undefined;
  const refresh = async (): Promise<void> => {
    reading ??= options
      .read()
      .then(
        (rows) => {
          gauge.reset();
          for (const row of rows) gauge.set(row.labels, row.value);
          return true;
        },
        () => false,
      )
      .finally(() => (reading = undefined));
    if (!(await settledWithin(reading, options.timeoutMs ?? 1000)))
      collectFailures.inc({ gauge: options.name });
  };
  // A module built again in the same process (a service restarted in-process) reads through its new
  // connection: the gauge of the old one goes.
  register.removeSingleMetric(options.name);
  const gauge: Gauge<L> = new Gauge({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames,
    collect: refresh,
  });
  return gauge;
}
