/**
 * `npm run bench -- [N] [--only=throughput,latency,hops,emails,deadlines] [--warm-up=500] [--rate=200]
 *   [--duration=60] [--emails=<N>] [--deadlines=<open>,<due>] [--deadline-runs=1x500,2x500]`
 * Shorthands: --throughput-only, --latency-only, --hops-only, --emails-only, --deadlines-only (may be combined).
 *
 * On its own broker and database, in this order, each scenario beside what it is compared to in the same run:
 * - throughput: after a warm-up, N appeals (default 100,000) through all services until each is registered,
 *   routed, deadlined and notified; every stage counted (none lost, none doubled);
 * - latency: a fixed rate (200/s for 60 s) with p50/p95/p99 publish → routed and → first notification;
 * - hops: the same N through the raw single-hop floor (bench/peers/raw-hop.ts), our intake service alone,
 *   and the stock NestJS approach (bench/peers/stock-nestjs);
 * - emails (scripts/bench/email-delivery.ts) and the escalation storm (scripts/bench/deadline-sweep.ts);
 * - all along: peak memory of every process, the broker and PostgreSQL (bench/memory).
 * Prints one table and writes bench/results/latest.{md,svg,json}.
 *
 * Environment: BENCH_KAFKA_PORT (19092), BENCH_DATABASE (appeals_bench), BENCH_PORT_BASE (3201: the services
 * take base..base+4, the deadline scenario's escalations base+12.., the e-mail scenario's notification base+23).
 */
import {
  AppealRoutingSystem,
  findRepoRoot,
  resolveKafkaBrokers,
  signalExitCode,
  watchTermination,
  type ResolvedKafkaBrokers,
  type ServiceName,
} from '@app/local-infra';
import { createKafka, ensureTopics } from '@app/messaging';
import { databaseUrlFromEnv, dropDatabase, ensureDatabase, withDatabase } from '@app/persistence';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { parseBenchPlan, type BenchPlan } from '../bench/bench-plan';
import { AppealPublisher } from '../bench/harness/appeal-publisher';
import { measureHop, type HopRun, type HopUnderTest } from '../bench/hops/measure-hop';
import {
  intakeHop,
  peerHop,
  RAW_HOP,
  STOCK_HOP,
  stopRunningPeers,
  type HopContext,
} from '../bench/hops/hops';
import { parentOf } from '../bench/memory/proc-memory';
import {
  benchChildrenProbe,
  brokerProbe,
  MemorySampler,
  postgresProbe,
  type MemoryProbe,
} from '../bench/memory/memory-sampler';
import { describeMachine, kafkaVersionFromPom } from '../bench/report/machine';
import type { BenchResults, HopResults } from '../bench/report/results';
import { buildRows, TABLE_COLUMNS, type TableRow } from '../bench/report/table';
import { writeResults } from '../bench/report/write-results';
import { measureLatency } from '../bench/scenarios/latency';
import { settleSystem } from '../bench/scenarios/settle';
import type { SystemRun } from '../bench/scenarios/system-stages';
import { measureThroughput } from '../bench/scenarios/throughput';
import { measureDeadlineSweep, parseDeadlineOptions, type DeadlineOptions } from './bench/deadline-sweep';
import { measureEmailDelivery } from './bench/email-delivery';

interface BenchSetup {
  repoRoot: string;
  brokers: string[];
  kafkaDataDir?: string;
  system: AppealRoutingSystem;
  databaseUrl: string;
  database: string;
  portBase: number;
  logDir: string;
  log: (line: string) => void;
  signal: AbortSignal;
}

function servicePorts(base: number): Record<ServiceName, number> {
  return { intake: base, routing: base + 1, escalation: base + 2, notification: base + 3, console: base + 4 };
}

/** The broker (when this run started it) and PostgreSQL (when it runs on this machine and /proc shows it). */
async function memoryProbes(setup: BenchSetup, db: Client): Promise<MemoryProbe[]> {
  const probes = [benchChildrenProbe()];
  if (setup.kafkaDataDir) probes.push(brokerProbe(setup.kafkaDataDir));
  const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = parentOf(rows[0].pid);
  if (postmaster !== undefined) probes.push(postgresProbe(postmaster, setup.database));
  else setup.log('PostgreSQL runs elsewhere (its backend is not in /proc): its memory is not sampled');
  return probes;
}

/**
 * The same N through the raw floor, our intake service alone and the stock NestJS approach, one at a time,
 * each its own memory scenario.
 */
async function measureHops(
  plan: BenchPlan,
  setup: BenchSetup,
  publisher: AppealPublisher,
  sampler: MemorySampler,
): Promise<HopResults> {
  const context: HopContext = setup;
  const run: HopRun = { ...setup, publisher, count: plan.count, warmUp: plan.warmUp };
  const hops: Array<[keyof HopResults, HopUnderTest]> = [
    ['raw', peerHop(RAW_HOP, context)],
    ['ours', intakeHop(setup.system)],
    ['stock', peerHop(STOCK_HOP, context)],
  ];
  const results: HopResults = {};
  for (const [key, hop] of hops) {
    setup.signal.throwIfAborted(); // once stopping has begun, spawning processes would orphan them
    results[key] = await sampler.during(`hop: ${key}`, () => measureHop(hop, run));
  }
  return results;
}

/** The whole system's scenarios: it runs from the first to the last of them. */
async function measureSystemScenarios(
  plan: BenchPlan,
  setup: BenchSetup,
  run: SystemRun,
  sampler: MemorySampler,
  results: BenchResults,
): Promise<void> {
  setup.log('starting the services...');
  await setup.system.start();
  try {
    if (plan.scenarios.has('throughput'))
      results.throughput = await sampler.during('throughput', () =>
        measureThroughput(run, plan.count, plan.warmUp),
      );
    if (plan.scenarios.has('latency')) {
      // After the throughput run, its in-app messages and staff notices are still being delivered.
      setup.log('latency: waiting until nothing from before is in flight...');
      await settleSystem(run.db, setup.brokers, setup.log, setup.signal);
      results.latency = await sampler.during('latency', () =>
        measureLatency(run, setup.brokers, { ...plan.latency, warmUp: plan.warmUp }),
      );
    }
  } finally {
    await setup.system.stop(); // the next scenarios start processes of their own
  }
}

async function measure(
  plan: BenchPlan,
  deadlines: DeadlineOptions,
  setup: BenchSetup,
  db: Client,
): Promise<BenchResults> {
  const sampler = new MemorySampler(await memoryProbes(setup, db));
  const results: BenchResults = { memory: sampler.peaks };
  const publisher = new AppealPublisher(setup.brokers);
  await publisher.connect();
  try {
    const run: SystemRun = { db, publisher, log: setup.log, signal: setup.signal };
    if (plan.scenarios.has('throughput') || plan.scenarios.has('latency'))
      await measureSystemScenarios(plan, setup, run, sampler, results);
    setup.signal.throwIfAborted();
    if (plan.scenarios.has('hops')) results.hops = await measureHops(plan, setup, publisher, sampler);
    setup.signal.throwIfAborted();
    if (plan.scenarios.has('emails'))
      results.emails = await sampler.during('emails', () =>
        measureEmailDelivery(plan.emails, { ...setup, port: setup.portBase + 23 }),
      );
    setup.signal.throwIfAborted();
    if (plan.scenarios.has('deadlines'))
      results.deadlines = await sampler.during('deadlines', () =>
        measureDeadlineSweep(deadlines, { ...setup, firstPort: setup.portBase + 12 }),
      );
    return results;
  } finally {
    await publisher.disconnect();
  }
}

function printTable(rows: TableRow[]): void {
  console.table(
    rows.map((row) => Object.fromEntries(TABLE_COLUMNS.map(([key, title]) => [title, row[key]]))),
  );
}

async function report(
  plan: BenchPlan,
  deadlines: DeadlineOptions,
  setup: BenchSetup,
  db: Client,
  results: BenchResults,
): Promise<void> {
  const rows = buildRows(results);
  printTable(rows);
  const { rows: version } = await db.query<{ server_version: string }>('SHOW server_version');
  const pom = readFileSync(path.join(setup.repoRoot, 'libs', 'local-infra', 'kafka', 'pom.xml'), 'utf8');
  const files = writeResults(path.join(setup.repoRoot, 'bench', 'results'), results, rows, {
    machine: describeMachine({ kafka: kafkaVersionFromPom(pom), postgres: version[0].server_version }),
    date: new Date().toISOString(),
    command: ['npm run bench --', ...process.argv.slice(2)].join(' '),
    parameters: {
      N: plan.count,
      'warm-up': plan.warmUp,
      'latency rate/s': plan.latency.ratePerSecond,
      'latency s': plan.latency.seconds,
      'e-mails': plan.emails,
      'deadline clocks open/due': `${deadlines.open}/${deadlines.due}`,
      scenarios: [...plan.scenarios].join(','),
    },
  });
  setup.log(`written: ${files.map((file) => path.relative(setup.repoRoot, file)).join(', ')}`);
}

/** On a fresh database: every chosen scenario, then the table and the files. */
async function benchmark(plan: BenchPlan, deadlines: DeadlineOptions, setup: BenchSetup): Promise<void> {
  await dropDatabase(setup.databaseUrl);
  await ensureDatabase(setup.databaseUrl);
  await ensureTopics(createKafka({ brokers: setup.brokers, clientId: 'bench-setup' }));
  const db = new Client({ connectionString: setup.databaseUrl });
  await db.connect();
  try {
    const results = await measure(plan, deadlines, setup, db);
    await report(plan, deadlines, setup, db, results);
  } finally {
    await db.end();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const plan = parseBenchPlan(args, process.env);
  const deadlines = parseDeadlineOptions(args, process.env);
  // Before the broker starts: Ctrl-C at any point still stops the services and the broker this run started.
  const termination = watchTermination();
  const log = (line: string): void => console.log(line);
  const repoRoot = findRepoRoot(__dirname);
  // Below Linux's ephemeral range (32768–60999), where any outgoing connection may be holding a port.
  const port = Number(process.env.BENCH_KAFKA_PORT ?? 19092);
  const portBase = Number(process.env.BENCH_PORT_BASE ?? 3201);
  const database = process.env.BENCH_DATABASE ?? 'appeals_bench';
  const databaseUrl = withDatabase(databaseUrlFromEnv(), database);
  const logDir = path.join(repoRoot, '.local', 'bench-logs');
  // Per port, so an interrupted run's broker is found again; fresh wipes its data only once it is stopped.
  const kafkaDataDir = path.join(repoRoot, '.local', 'kafka-bench', String(port));
  let kafka: ResolvedKafkaBrokers | undefined;
  let system: AppealRoutingSystem | undefined;
  try {
    kafka = await resolveKafkaBrokers({
      port,
      dataDir: kafkaDataDir,
      fresh: true,
      portVariable: 'BENCH_KAFKA_PORT',
      signal: termination.signal,
      log,
    });
    system = new AppealRoutingSystem({
      repoRoot,
      brokers: kafka.brokers,
      databaseUrl,
      ports: servicePorts(portBase),
      extraEnv: { LOG_LEVEL: 'warn' },
      logDir,
    });
    const setup: BenchSetup = {
      repoRoot,
      brokers: kafka.brokers,
      kafkaDataDir: kafka.startedLocally ? kafkaDataDir : undefined,
      system,
      databaseUrl,
      database,
      portBase,
      logDir,
      log,
      signal: termination.signal,
    };
    const measured = benchmark(plan, deadlines, setup).then(() => 0);
    return await Promise.race([measured, termination.received.then(signalExitCode)]);
  } catch (error) {
    if (termination.signal.aborted) return signalExitCode(await termination.received);
    throw error;
  } finally {
    await stopRunningPeers();
    await system?.stop();
    await kafka?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
