/**
 * `npm run bench -- [N] [--emails=<N>] [--deadlines=<open>,<due>] [--deadline-runs=1x500,2x500] [--deadlines-only|--emails-only]`:
 * end-to-end throughput of the services next to the raw floor (plain kafkajs produce+consume, plain batched
 * PostgreSQL insert) measured in the same run; then e-mails per second (scripts/bench/email-delivery.ts); then
 * the deadline scenario (scripts/bench/deadline-sweep.ts).
 */
import {
  AppealRoutingSystem,
  findRepoRoot,
  resolveKafkaBrokers,
  signalExitCode,
  watchTermination,
  type ResolvedKafkaBrokers,
} from '@app/local-infra';
import { createKafka, ensureTopics } from '@app/messaging';
import { databaseUrlFromEnv, dropDatabase, ensureDatabase, withDatabase } from '@app/persistence';
import path from 'node:path';
import { measureDeadlineSweep, parseDeadlineOptions, type DeadlineOptions } from './bench/deadline-sweep';
import { measureEmailDelivery } from './bench/email-delivery';
import { measureRawKafka, measureRawPostgres, type Measurement } from './bench/raw-floor';
import { measureSystem } from './bench/system-run';

function parseCount(argument: string | undefined, fallback: number, what = 'N'): number {
  const count = Number(argument ?? fallback);
  if (!Number.isInteger(count) || count <= 0)
    throw new Error(`${what} must be a positive whole number, got "${argument}"`);
  return count;
}

function row(measurement: Measurement, floor: Measurement): Record<string, string | number> {
  const perSecond = measurement.count / measurement.seconds;
  const floorPerSecond = floor.count / floor.seconds;
  return {
    measurement: measurement.name,
    N: measurement.count,
    seconds: Number(measurement.seconds.toFixed(2)),
    'per second': Math.round(perSecond),
    'share of kafka floor': `${((perSecond / floorPerSecond) * 100).toFixed(1)}%`,
  };
}

interface BenchPlan {
  count: number;
  emails: number;
  deadlines: DeadlineOptions;
  /** The scenarios to run, in this order: end to end, e-mails, deadlines. */
  run: { endToEnd: boolean; emails: boolean; deadlines: boolean };
}

interface BenchSetup {
  repoRoot: string;
  brokers: string[];
  system: AppealRoutingSystem;
  databaseUrl: string;
  log: (line: string) => void;
  abortSignal: AbortSignal;
}

/** Raw floor, then the four services end to end. */
async function measureEndToEnd(count: number, setup: BenchSetup): Promise<void> {
  const { brokers, system, databaseUrl, log, abortSignal } = setup;
  log(`measuring the raw floor with N=${count}...`);
  const rawKafka = await measureRawKafka(brokers, count);
  log(`  ${rawKafka.name}: ${rawKafka.seconds.toFixed(2)} s`);
  const rawPostgres = await measureRawPostgres(databaseUrl, count);
  log(`  ${rawPostgres.name}: ${rawPostgres.seconds.toFixed(2)} s`);
  abortSignal.throwIfAborted(); // once stopping has begun, spawning services would orphan them
  log('starting the four services...');
  await system.start();
  log(`publishing ${count} appeals to the intake topic...`);
  const endToEnd = await measureSystem(system, brokers, databaseUrl, count, log);
  console.table([row(rawKafka, rawKafka), row(rawPostgres, rawKafka), row(endToEnd, rawKafka)]);
  const pgRatio = endToEnd.count / endToEnd.seconds / (rawPostgres.count / rawPostgres.seconds);
  log(`end to end vs raw PostgreSQL floor: ${(pgRatio * 100).toFixed(1)}%`);
  log(
    `latency registered → deadline recorded by notification (ms): p50 ${endToEnd.latencyMs.p50}, p95 ${endToEnd.latencyMs.p95}, max ${endToEnd.latencyMs.max}`,
  );
  console.table([endToEnd.rssMb]);
  console.log(JSON.stringify({ count, rawKafka, rawPostgres, endToEnd }));
}

/** On a fresh database: the end-to-end measurement, then the deadline scenario. */
async function measure(plan: BenchPlan, setup: BenchSetup): Promise<void> {
  const { repoRoot, brokers, system, databaseUrl, log, abortSignal } = setup;
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  await ensureTopics(createKafka({ brokers, clientId: 'bench-setup' }));
  if (plan.run.endToEnd) await measureEndToEnd(plan.count, setup);
  await system.stop(); // the next scenarios start processes of their own
  const logDir = path.join(repoRoot, '.local', 'bench-logs');
  abortSignal.throwIfAborted();
  if (plan.run.emails)
    await measureEmailDelivery(plan.emails, { repoRoot, brokers, databaseUrl, logDir, log });
  if (plan.run.deadlines)
    await measureDeadlineSweep(plan.deadlines, {
      repoRoot,
      brokers,
      databaseUrl,
      logDir,
      log,
      signal: abortSignal,
    });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const plan: BenchPlan = {
    count: parseCount(
      args.find((arg) => !arg.startsWith('--')),
      2000,
    ),
    emails: parseCount(
      args.find((arg) => arg.startsWith('--emails='))?.slice('--emails='.length) ?? process.env.BENCH_EMAILS,
      5000,
      '--emails',
    ),
    deadlines: parseDeadlineOptions(args, process.env),
    run: {
      endToEnd: !args.includes('--deadlines-only') && !args.includes('--emails-only'),
      emails: !args.includes('--deadlines-only'),
      deadlines: !args.includes('--emails-only'),
    },
  };
  // Before the broker starts: Ctrl-C at any point still stops the services and the broker this run started.
  const termination = watchTermination();
  const log = (line: string): void => console.log(line);
  const repoRoot = findRepoRoot(__dirname);
  // Below Linux's ephemeral range (32768–60999), where any outgoing connection may be holding a port.
  const port = Number(process.env.BENCH_KAFKA_PORT ?? 19092);
  const databaseUrl = withDatabase(databaseUrlFromEnv(), 'appeals_bench');
  let kafka: ResolvedKafkaBrokers | undefined;
  let system: AppealRoutingSystem | undefined;
  try {
    kafka = await resolveKafkaBrokers({
      port,
      // Per port, so an interrupted run's broker is found again; fresh wipes its data only once it is stopped.
      dataDir: path.join(repoRoot, '.local', 'kafka-bench', String(port)),
      fresh: true,
      portVariable: 'BENCH_KAFKA_PORT',
      signal: termination.signal,
      log,
    });
    system = new AppealRoutingSystem({
      repoRoot,
      brokers: kafka.brokers,
      databaseUrl,
      ports: { intake: 3201, routing: 3202, escalation: 3203, notification: 3204, console: 3205 },
      extraEnv: { LOG_LEVEL: 'warn' },
      logDir: path.join(repoRoot, '.local', 'bench-logs'),
    });
    const setup = {
      repoRoot,
      brokers: kafka.brokers,
      system,
      databaseUrl,
      log,
      abortSignal: termination.signal,
    };
    const measured = measure(plan, setup).then(() => 0);
    return await Promise.race([measured, termination.received.then(signalExitCode)]);
  } catch (error) {
    if (termination.signal.aborted) return signalExitCode(await termination.received);
    throw error;
  } finally {
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
