/**
 * The deadline scenario: with `open` running clocks in escalation.appeal_clock, `due` of them fall due at one
 * moment T. How long until every one is escalated in the database, and until every `escalated` event is on
 * Kafka, each exactly once? Run with 1 or 2 escalation processes and a choice of ESCALATION_BATCH.
 */
import { answersOk, ServiceProcess, waitUntil } from '@app/local-infra';
import { Client } from 'pg';
import type { DeadlineRunResult } from '../../bench/report/results';
import { DeadlineEventCounter } from './deadline-events';
import {
  checkLedger,
  countEscalated,
  measureRawEscalation,
  removeDueClocks,
  seedDueClocks,
  seedOpenClocks,
} from './deadline-seed';

export interface DeadlineRun {
  processes: number;
  batch: number;
  /** Each due clock has one warning point passed, so the sweep warns before it escalates. */
  warnFirst: boolean;
}

export interface DeadlineOptions {
  open: number;
  due: number;
  runs: DeadlineRun[];
}

export interface DeadlineContext {
  repoRoot: string;
  brokers: string[];
  databaseUrl: string;
  logDir: string;
  log: (line: string) => void;
  signal: AbortSignal;
  /** The HTTP port of the first escalation process; a second one takes the next. */
  firstPort: number;
}

interface RunResult {
  run: DeadlineRun;
  dbSeconds: number;
  kafkaSeconds: number;
  floorSeconds: number;
  eachOnce: boolean;
}

const TARGET_SECONDS = 60;
const STALL_MS = 60_000;
const DEFAULT_RUNS = '1x500,2x500,1x2000,1x500+warn';

/**
 * `--deadlines=<open>,<due>` (or BENCH_DEADLINES), default 1,000,000 and 100,000;
 * `--deadline-runs=1x500,2x500,1x500+warn` (or BENCH_DEADLINE_RUNS): processes x ESCALATION_BATCH per run.
 */
export function parseDeadlineOptions(args: string[], env: NodeJS.ProcessEnv): DeadlineOptions {
  const flag = (name: string): string | undefined =>
    args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizes = (flag('deadlines') ?? env.BENCH_DEADLINES ?? '1000000,100000').split(',').map(Number);
  const [open, due] = sizes;
  if (sizes.length !== 2 || !sizes.every((n) => Number.isInteger(n) && n > 0) || due > open)
    throw new Error('--deadlines=<open>,<due> takes two positive whole numbers, due ≤ open');
  const runs = (flag('deadline-runs') ?? env.BENCH_DEADLINE_RUNS ?? DEFAULT_RUNS).split(',').map((spec) => {
    const match = /^(\d)x(\d+)(\+warn)?$/.exec(spec.trim());
    if (!match) throw new Error(`--deadline-runs: "${spec}" is not <processes>x<batch>[+warn]`);
    return { processes: Number(match[1]), batch: Number(match[2]), warnFirst: match[3] !== undefined };
  });
  return { open, due, runs };
}

/** Each run's result, in the order of `options.runs`. */
export async function measureDeadlineSweep(
  options: DeadlineOptions,
  context: DeadlineContext,
): Promise<DeadlineRunResult[]> {
  const { log } = context;
  const db = new Client({ connectionString: context.databaseUrl });
  await db.connect();
  try {
    log('deadline scenario: a fresh escalation schema (the service migrates it on start)...');
    await db.query('DROP SCHEMA IF EXISTS escalation CASCADE');
    await withEscalation(context, { processes: 1, batch: 500, warnFirst: false }, async () => undefined);
    log(`seeding ${options.open - options.due} open clocks that are not due...`);
    const seedSeconds = await seedOpenClocks(db, options.open - options.due, log);
    await db.query('VACUUM ANALYZE escalation.appeal_clock');
    const rowsPerSecond = (options.open - options.due) / seedSeconds;
    const results: RunResult[] = [];
    for (const run of options.runs) {
      context.signal.throwIfAborted(); // once stopping has begun, spawning services would orphan them
      results.push(await measureRun(db, options, run, rowsPerSecond, context));
    }
    printResults(options, results);
    return results.map((result) => ({
      name: describeRun(result.run),
      due: options.due,
      kafkaSeconds: result.kafkaSeconds,
      floorSeconds: result.floorSeconds,
      eachOnce: result.eachOnce,
    }));
  } finally {
    await db.end();
  }
}

async function measureRun(
  db: Client,
  options: DeadlineOptions,
  run: DeadlineRun,
  rowsPerSecond: number,
  context: DeadlineContext,
): Promise<RunResult> {
  const { log } = context;
  const name = describeRun(run);
  log(`deadline scenario, ${name}: starting...`);
  const appealIds = new Set<string>();
  const counter = new DeadlineEventCounter(context.brokers, appealIds);
  try {
    const measured = await withEscalation(context, run, async () => {
      await counter.start();
      // T leaves time to insert the due clocks (at the rate the open ones went in) and analyse the table.
      const marginMs = Math.max(5_000, (options.due / rowsPerSecond) * 2_000 + 3_000);
      const dueAt = new Date(Date.now() + marginMs);
      const ids = await seedDueClocks(db, String(Date.now()), options.due, dueAt, run.warnFirst);
      for (const id of ids) appealIds.add(id);
      await db.query('ANALYZE escalation.appeal_clock');
      const untilDue = dueAt.getTime() - Date.now();
      if (untilDue <= 0) throw new Error(`the due clocks went in ${-untilDue} ms after T; raise the margin`);
      log(`  ${options.due} clocks due at T = ${dueAt.toISOString()} (in ${(untilDue / 1000).toFixed(1)} s)`);
      const startedAt = performance.now() + untilDue;
      return watch(db, options.due, counter, startedAt, log);
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // a late copy would still show in the checks
    const ledger = await checkLedger(db, options.due).then(
      () => true,
      (error: Error) => {
        log(`  ledger: ${error.message}`);
        return false;
      },
    );
    const events = counter.check(run.warnFirst);
    for (const problem of events.problems) log(`  events: ${problem}`);
    log(
      `  ${events.escalatedEvents} escalated events for ${events.escalatedAppeals} appeals, ` +
        `${events.warningEvents} warnings`,
    );
    const floorSeconds = await measureRawEscalation(db);
    await removeDueClocks(db);
    const eachOnce = ledger && events.problems.length === 0;
    return { run, ...measured, floorSeconds, eachOnce };
  } finally {
    await counter.stop();
  }
}

/** Polls the ledger and the event counter until both hold every due appeal; times are seconds from T. */
async function watch(
  db: Client,
  due: number,
  counter: DeadlineEventCounter,
  startedAt: number,
  log: (line: string) => void,
): Promise<{ dbSeconds: number; kafkaSeconds: number }> {
  let dbDoneAt: number | undefined;
  let lastReport = 0;
  let last = { escalated: -1, published: -1, at: performance.now() };
  while (dbDoneAt === undefined || counter.tally.allEscalatedAt === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const escalated = await countEscalated(db);
    const now = performance.now();
    if (escalated >= due && dbDoneAt === undefined) dbDoneAt = now;
    const published = counter.tally.escalatedAppeals;
    if (escalated !== last.escalated || published !== last.published)
      last = { escalated, published, at: now };
    if (now - last.at > STALL_MS)
      throw new Error(`no progress for ${STALL_MS / 1000} s at ${escalated}/${due}: see .local/bench-logs/`);
    if (now - lastReport > 3_000 && now > startedAt) {
      lastReport = now;
      const warned = counter.tally.warnings > 0 ? `, ${counter.tally.warnings} warnings` : '';
      log(
        `  T+${((now - startedAt) / 1000).toFixed(1)} s: ${escalated}/${due} escalated in the database, ` +
          `${published}/${due} on Kafka${warned}`,
      );
    }
  }
  const allPublishedAt = counter.tally.allEscalatedAt ?? performance.now();
  return { dbSeconds: (dbDoneAt - startedAt) / 1000, kafkaSeconds: (allPublishedAt - startedAt) / 1000 };
}

/** Runs `work` while `run.processes` escalation processes sweep with `run.batch`; stops them after. */
async function withEscalation<T>(
  context: DeadlineContext,
  run: DeadlineRun,
  work: () => Promise<T>,
): Promise<T> {
  const processes = Array.from({ length: run.processes }, (_, index) => {
    const port = context.firstPort + index;
    const service = new ServiceProcess({
      name: 'escalation',
      repoRoot: context.repoRoot,
      logDir: context.logDir,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        KAFKA_BROKERS: context.brokers.join(','),
        DATABASE_URL: context.databaseUrl,
        LOG_LEVEL: 'warn',
        ESCALATION_TICK_MS: '100',
        ESCALATION_BATCH: String(run.batch),
      },
    });
    return { service, port };
  });
  try {
    for (const { service } of processes) service.start();
    await Promise.all(processes.map(({ service, port }) => waitReady(service, port)));
    return await work();
  } finally {
    for (const { service } of processes) await service.stop();
  }
}

async function waitReady(service: ServiceProcess, port: number): Promise<void> {
  const exited = service.whenExited().then((code) => {
    throw new Error(`escalation exited with code ${code} before it was ready`);
  });
  exited.catch(() => undefined);
  await Promise.race([
    waitUntil('escalation to be ready', () => answersOk(`http://127.0.0.1:${port}/health/ready`), {
      timeoutMs: 90_000,
    }),
    exited,
  ]);
}

function describeRun(run: DeadlineRun): string {
  const processes = run.processes === 1 ? '1 process' : `${run.processes} processes`;
  return `${processes}, batch ${run.batch}${run.warnFirst ? ', warning first' : ''}`;
}

function printResults(options: DeadlineOptions, results: RunResult[]): void {
  console.table(
    results.map((result) => {
      const perSecond = options.due / result.dbSeconds;
      const floorPerSecond = options.due / result.floorSeconds;
      return {
        scenario: describeRun(result.run),
        'open clocks': options.open,
        due: options.due,
        'escalated (DB) s': Number(result.dbSeconds.toFixed(1)),
        'published (Kafka) s': Number(result.kafkaSeconds.toFixed(1)),
        'escalations/s': Math.round(perSecond),
        'target s': TARGET_SECONDS,
        'met?': result.kafkaSeconds <= TARGET_SECONDS ? 'yes' : 'no',
        'each once': result.eachOnce ? 'yes' : 'NO',
        'raw SQL floor/s': Math.round(floorPerSecond),
        'share of floor': `${((perSecond / floorPerSecond) * 100).toFixed(1)}%`,
      };
    }),
  );
  console.log(JSON.stringify({ deadlines: { ...options, results } }));
}
