/**
 * The one table of a run: scenario | measured | compared to | ratio | target | verdict. Each goal of the issue
 * is a row; rows without a goal give the context (the floors, the broker's and PostgreSQL's memory).
 */
import type { LatencySummary } from './percentiles';
import {
  perSecond,
  type BenchResults,
  type CountCheck,
  type HopResults,
  type MemoryPeak,
  type RateResult,
} from './results';
import { atLeast, atMost, judge, type Target, type Verdict } from './verdict';

export interface TableRow {
  scenario: string;
  measured: string;
  comparedTo: string;
  ratio: string;
  target: string;
  verdict: Verdict;
}

export const TABLE_COLUMNS: ReadonlyArray<[keyof TableRow, string]> = [
  ['scenario', 'scenario'],
  ['measured', 'measured'],
  ['comparedTo', 'compared to'],
  ['ratio', 'ratio'],
  ['target', 'target'],
  ['verdict', 'verdict'],
];

export const SERVICE_RSS_LIMIT_MB = 256;

const whole = (value: number): string => Math.round(value).toLocaleString('en-US');
const rate = (result: RateResult, unit: string): string => `${whole(perSecond(result))} ${unit}/s`;
const times = (value: number): string => `${value.toFixed(2)}×`;
/** Seconds with a tenth, or a hundredth below 10 s (a small run's floor takes a fraction of one). */
const seconds = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} s`;
const latency = (summary: LatencySummary): string =>
  `p50 ${summary.p50} / p95 ${summary.p95} / p99 ${summary.p99} ms (n=${summary.count})`;

function row(
  scenario: string,
  measured: string,
  options: { comparedTo?: string; ratio?: number; target?: Target; judged?: number } = {},
): TableRow {
  const judged = options.judged ?? options.ratio;
  return {
    scenario,
    measured,
    comparedTo: options.comparedTo ?? '—',
    ratio: options.ratio === undefined ? '—' : times(options.ratio),
    target: options.target?.label ?? '—',
    verdict: judge(judged, options.target),
  };
}

/** "0 lost, 0 doubled" of several checks at once; the verdict is met only when every one is exact. */
function countRow(scenario: string, checks: Array<[string, CountCheck]>): TableRow {
  const faults = checks.reduce((sum, [, check]) => sum + check.lost + check.doubled, 0);
  const measured = checks
    .map(
      ([name, check]) => `${name} ${check.expected - check.lost}/${check.expected}, ${check.doubled} doubled`,
    )
    .join('; ');
  return row(scenario, measured, { target: atMost(0, 'none lost or doubled'), judged: faults });
}

function hopRows(hops: HopResults): TableRow[] {
  const rows: TableRow[] = [];
  const { raw, ours, stock } = hops;
  if (raw) rows.push(row('raw single-hop floor (kafkajs → batched INSERT → produce)', rate(raw, 'msg')));
  if (stock) rows.push(row('stock NestJS hop (Kafka transport, save() per message)', rate(stock, 'msg')));
  // Our hop as a multiple of each peer's rate: ≥ 5× the stock approach, ≥ 0.5× the raw floor.
  const comparisons: Array<[string, RateResult | undefined, number]> = [
    ['stock', stock, 5],
    ['raw', raw, 0.5],
  ];
  for (const [peer, result, multiple] of comparisons)
    if (ours && result)
      rows.push(
        row(`our intake hop vs ${peer === 'raw' ? 'raw floor' : peer}`, rate(ours, 'msg'), {
          comparedTo: `${peer} ${rate(result, 'msg')}`,
          ratio: perSecond(ours) / perSecond(result),
          target: atLeast(multiple, `≥ ${multiple}× ${peer}`),
        }),
      );
  const checks = Object.entries(hops).filter(
    (entry): entry is [string, RateResult & CountCheck] => !!entry[1],
  );
  if (checks.length > 0) rows.push(countRow('hops: every output once', checks));
  return rows;
}

/** One row per process: its highest peak over the scenarios, and in which scenario it came. */
function memoryRows(memory: MemoryPeak[]): TableRow[] {
  const highest = new Map<string, MemoryPeak>();
  for (const peak of memory) {
    const known = highest.get(peak.process);
    if (!known || peak.peakMb > known.peakMb) highest.set(peak.process, peak);
  }
  // Our services first (the rows with a goal), then the peers, the broker and PostgreSQL.
  const ordered = [...highest.values()].sort((a, b) => Number(b.isService) - Number(a.isService));
  return ordered.map((peak) =>
    row(`peak memory: ${peak.process}`, `${whole(peak.peakMb)} MB (${peak.scenario})`, {
      target: peak.isService ? atMost(SERVICE_RSS_LIMIT_MB, `≤ ${SERVICE_RSS_LIMIT_MB} MB`) : undefined,
      judged: peak.peakMb,
    }),
  );
}

export function buildRows(results: BenchResults): TableRow[] {
  const rows: TableRow[] = [];
  const { hops, throughput, latency: latencies, emails, deadlines } = results;
  if (throughput) {
    const raw = hops?.raw;
    rows.push(
      row(`end to end throughput (N=${whole(throughput.count)})`, rate(throughput, 'appeals'), {
        comparedTo: raw ? `raw hop ${rate(raw, 'msg')}` : '—',
        ratio: raw ? perSecond(throughput) / perSecond(raw) : undefined,
        target: atLeast(1000, '≥ 1,000 appeals/s'),
        judged: perSecond(throughput),
      }),
      countRow('end to end: nothing lost or doubled', Object.entries(throughput.stages)),
    );
  }
  if (hops) rows.push(...hopRows(hops));
  if (latencies) {
    const at = `at ${whole(latencies.ratePerSecond)}/s for ${whole(latencies.seconds)} s`;
    rows.push(
      row(`latency publish → routed, ${at}`, latency(latencies.toRouted), {
        target: atMost(250, 'p99 ≤ 250 ms'),
        judged: latencies.toRouted.p99,
      }),
      row(`latency publish → first notification, ${at}`, latency(latencies.toFirstNotification)),
    );
  }
  if (emails)
    rows.push(
      row('e-mails per second (notification dispatcher)', rate(emails.dispatcher, 'e-mails'), {
        comparedTo: `nodemailer alone ${rate(emails.floor, 'e-mails')}`,
        ratio: perSecond(emails.dispatcher) / perSecond(emails.floor),
        target: atLeast(500, '≥ 500 e-mails/s, each once'),
        // A copy or a loss fails the row whatever the rate.
        judged: emails.eachOnce ? perSecond(emails.dispatcher) : 0,
      }),
    );
  for (const run of deadlines ?? [])
    rows.push(
      row(
        `escalation storm, ${run.name}`,
        `${whole(run.due)} due, all on Kafka in ${seconds(run.kafkaSeconds)}`,
        {
          comparedTo: `raw SQL ${seconds(run.floorSeconds)}`,
          ratio: run.floorSeconds / run.kafkaSeconds,
          target: atMost(60, '≤ 60 s, each once'),
          judged: run.eachOnce ? run.kafkaSeconds : Number.MAX_VALUE,
        },
      ),
    );
  rows.push(...memoryRows(results.memory));
  return rows;
}
