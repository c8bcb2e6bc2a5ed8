/**
 * What the running system has done with one run's appeals (external ids `<tag>-<i>`), read from the services'
 * own tables: intake.appeal (registered), routing.assignment (routed), notification.notification (the
 * deadline-assigned step recorded, the last of the chain intake → routing → escalation → notification).
 */
import { EventTypes, Topics } from '@app/contracts';
import type { Client } from 'pg';
import type { AppealPublisher } from '../harness/appeal-publisher';
import { newRunTag } from '../harness/appeal-publisher';
import { waitWithProgress } from '../harness/progress';
import type { CountCheck, ThroughputResult } from '../report/results';

const ofRun = (tag: string): string => `${tag}-%`;

/**
 * Deadline-assigned rows recorded after the row `afterId`: a count to poll without a join to the run's own
 * appeals, over the primary key's range only (the whole table grows by hundreds of thousands of rows per run,
 * and scanning it five times a second took a fifth of a core from the system under test).
 */
export async function countDeadlineRows(db: Client, afterId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notification.notification WHERE id > $1 AND event_type = $2`,
    [afterId, EventTypes.deadlineAssigned],
  );
  return rows[0].n;
}

/** The last notification row so far: what a run counts from. */
async function lastNotificationId(db: Client): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT COALESCE(max(id), 0)::text AS id FROM notification.notification`,
  );
  return rows[0].id;
}

/** Polled once a second: the stop time is read to within that over runs of minutes. */
const DEADLINE_POLL_MS = 1_000;

async function check(db: Client, expected: number, sql: string, parameters: unknown[]): Promise<CountCheck> {
  const { rows } = await db.query<{ distinct_ids: number; copies: number }>(sql, parameters);
  const { distinct_ids: distinct, copies } = rows[0];
  return { expected, lost: expected - distinct, doubled: copies - distinct };
}

/**
 * Per stage: how many of the run's appeals reached it (lost = the rest) and how many extra copies there are.
 * A copy of an appeal is a second intake row for one external id; of a deadline, a second deadline-assigned
 * event recorded for one appeal (one event may be recorded for more than one recipient; that is no copy).
 */
export async function checkStages(
  db: Client,
  tag: string,
  expected: number,
): Promise<ThroughputResult['stages']> {
  const pattern = ofRun(tag);
  return {
    registered: await check(
      db,
      expected,
      `SELECT count(DISTINCT external_id)::int AS distinct_ids, count(*)::int AS copies
         FROM intake.appeal WHERE external_id LIKE $1`,
      [pattern],
    ),
    routed: await check(
      db,
      expected,
      `SELECT count(DISTINCT a.external_id)::int AS distinct_ids, count(*)::int AS copies
         FROM routing.assignment r JOIN intake.appeal a ON a.id = r.appeal_id WHERE a.external_id LIKE $1`,
      [pattern],
    ),
    deadlineAssigned: await check(
      db,
      expected,
      `SELECT count(DISTINCT a.external_id)::int AS distinct_ids, count(DISTINCT n.event_id)::int AS copies
         FROM notification.notification n JOIN intake.appeal a ON a.id = n.appeal_id
        WHERE n.event_type = $2 AND a.external_id LIKE $1`,
      [pattern, EventTypes.deadlineAssigned],
    ),
  };
}

/** Ids of the run's appeals: appeal id → external id. */
export async function appealIdsOfRun(db: Client, tag: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; external_id: string }>(
    `SELECT id, external_id FROM intake.appeal WHERE external_id LIKE $1`,
    [ofRun(tag)],
  );
  return new Map(rows.map((row) => [row.id, row.external_id]));
}

/** When each of the run's appeals had its first notification recorded (ms since the epoch), by external id. */
export async function firstNotifications(db: Client, tag: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ external_id: string; at: string }>(
    `SELECT a.external_id, (extract(epoch FROM min(n.created_at)) * 1000)::float8 AS at
       FROM notification.notification n JOIN intake.appeal a ON a.id = n.appeal_id
      WHERE a.external_id LIKE $1 GROUP BY a.external_id`,
    [ofRun(tag)],
  );
  return new Map(rows.map((row) => [row.external_id, Number(row.at)]));
}

export interface SystemRun {
  db: Client;
  publisher: AppealPublisher;
  log: (line: string) => void;
  signal: AbortSignal;
}

/**
 * `count` appeals through the whole chain, with progress; resolves with the time the last one was recorded.
 * Counts the deadline rows recorded since the run began, so only one run may be in flight.
 */
export async function publishThroughSystem(
  run: SystemRun,
  tag: string,
  count: number,
  what: string,
): Promise<number> {
  const after = await lastNotificationId(run.db);
  const publishing = run.publisher.publish(Topics.intake, tag, count);
  const [finished] = await Promise.all([
    waitWithProgress({
      what,
      total: count,
      done: () => countDeadlineRows(run.db, after),
      log: run.log,
      signal: run.signal,
      pollMs: DEADLINE_POLL_MS,
    }),
    publishing,
  ]);
  return finished;
}

/** Consumer groups joined, caches and connection pools filled: the first appeals through every service. */
export async function warmUpSystem(run: SystemRun, count: number): Promise<void> {
  run.log(`warm-up: ${count} appeals through all services...`);
  await publishThroughSystem(run, newRunTag('warm'), count, 'warm-up appeals through all services');
}
