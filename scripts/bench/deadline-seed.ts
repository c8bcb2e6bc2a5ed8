import { CENTRAL_RECEPTION_ID, KZ_REGIONS } from '@app/contracts';
import type { Client } from 'pg';

/** Tracking numbers of the clocks that fall due at T start with this, so a run can find and remove them. */
const DUE_PREFIX = 'BENCH-DUE-';
const CHUNK = 100_000;

const REGION_IDS = KZ_REGIONS.map((region) => region.id);
const REGION_KATOS = KZ_REGIONS.map((region) => region.katoCode);

/** The columns every seeded clock shares: running at the regional akimat of one of the regions, in turn. */
const CLOCK_COLUMNS = `appeal_id, tracking_number, kind, region_kato, routed_organization_id, level, organization_id,
  received_at, started_at, registered_on, policy, original_due_at, due_at, warnings, next_warn_at, state`;

/**
 * Open clocks that are not due during the benchmark: due 1 to 29 days ahead, with warning points 3 days and
 * 1 day before. A point less than a day ahead counts as sent, so no warning fires while the bench runs; the
 * clocks with none left (due within two days) sit in the due index next to the ones that fall due at T.
 */
export async function seedOpenClocks(
  db: Client,
  count: number,
  progress: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    await db.query(
      `INSERT INTO escalation.appeal_clock (${CLOCK_COLUMNS})
       SELECT gen_random_uuid(), 'BENCH-OPEN-' || i, 'application', ($3::text[])[1 + i % cardinality($3)],
              'akimat-' || ($4::text[])[1 + i % cardinality($4)], 'regional-akimat',
              'akimat-' || ($4::text[])[1 + i % cardinality($4)],
              due - interval '21 days', due - interval '21 days', (due - interval '21 days')::date,
              '15 working days', due, due,
              jsonb_build_array(jsonb_build_object('at', due - interval '3 days', 'before', '3 working days'),
                                jsonb_build_object('at', due - interval '1 day', 'before', '1 working day')),
              CASE WHEN due - interval '3 days' > now() + interval '1 day' THEN due - interval '3 days'
                   WHEN due - interval '1 day' > now() + interval '1 day' THEN due - interval '1 day' END,
              'running'
       FROM (SELECT i, now() + interval '1 day' + random() * interval '28 days' AS due
             FROM generate_series($1::int, $2::int) AS i) AS open`,
      [from, to - 1, REGION_KATOS, REGION_IDS],
    );
    const seconds = (performance.now() - started) / 1000;
    progress(`  seeded ${to}/${count} open clocks (${seconds.toFixed(1)} s, ${Math.round(to / seconds)}/s)`);
  }
  return (performance.now() - started) / 1000;
}

/**
 * `count` running clocks due at `dueAt`, with no warning left; or, with `warnFirst`, each with one warning
 * point at the same moment, which the sweep must send before it escalates. Returns their appeal ids.
 */
export async function seedDueClocks(
  db: Client,
  run: string,
  count: number,
  dueAt: Date,
  warnFirst: boolean,
): Promise<string[]> {
  const { rows } = await db.query<{ appeal_id: string }>(
    `INSERT INTO escalation.appeal_clock (${CLOCK_COLUMNS})
     SELECT gen_random_uuid(), $5 || i, 'application', ($3::text[])[1 + i % cardinality($3)],
            'akimat-' || ($4::text[])[1 + i % cardinality($4)], 'regional-akimat',
            'akimat-' || ($4::text[])[1 + i % cardinality($4)],
            $2::timestamptz - interval '21 days', $2::timestamptz - interval '21 days',
            ($2::timestamptz - interval '21 days')::date, '15 working days', $2, $2,
            CASE WHEN $6 THEN jsonb_build_array(jsonb_build_object('at', $7::text, 'before', '1 working day'))
                 ELSE '[]' END,
            CASE WHEN $6 THEN $2::timestamptz END,
            'running'
     FROM generate_series(1, $1::int) AS i
     RETURNING appeal_id`,
    [count, dueAt, REGION_KATOS, REGION_IDS, `${DUE_PREFIX}${run}-`, warnFirst, dueAt.toISOString()],
  );
  return rows.map((row) => row.appeal_id);
}

export async function countEscalated(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM escalation.escalation_step');
  return rows[0].n;
}

/** The ledger holds one step per appeal, and every due clock moved to the central reception. */
export async function checkLedger(
  db: Client,
  expected: number,
): Promise<{ steps: number; appeals: number; atCentralReception: number }> {
  const { rows } = await db.query<{ steps: number; appeals: number; moved: number }>(
    `SELECT (SELECT count(*)::int FROM escalation.escalation_step) AS steps,
            (SELECT count(DISTINCT appeal_id)::int FROM escalation.escalation_step) AS appeals,
            (SELECT count(*)::int FROM escalation.appeal_clock
              WHERE tracking_number LIKE $1 AND level = 'central-reception' AND state = 'running') AS moved`,
    [`${DUE_PREFIX}%`],
  );
  const { steps, appeals, moved } = rows[0];
  if (steps !== expected || appeals !== expected || moved !== expected)
    throw new Error(
      `expected ${expected} escalations, one per appeal: ledger has ${steps} steps for ${appeals} appeals, ` +
        `${moved} clocks at the central reception`,
    );
  return { steps, appeals, atCentralReception: moved };
}

/**
 * The floor: the same rows written by plain SQL on the same table, one statement each (clock moved up a
 * level, ledger row); what the sweep adds on top is claiming, deciding, the outbox and the round trips.
 */
export async function measureRawEscalation(db: Client): Promise<number> {
  const started = performance.now();
  await db.query('BEGIN');
  await db.query(
    `UPDATE escalation.appeal_clock SET level = 'central-reception', organization_id = $2,
       started_at = now(), due_at = now() + interval '21 days', original_due_at = now() + interval '21 days',
       warnings = '[]', next_warn_at = NULL, updated_at = now()
     WHERE tracking_number LIKE $1`,
    [`${DUE_PREFIX}%`, CENTRAL_RECEPTION_ID],
  );
  await db.query(
    `INSERT INTO escalation.escalation_step (appeal_id, to_level, from_level, reason, escalated_at)
     SELECT appeal_id, 'bench-floor', 'central-reception', 'overdue', now()
     FROM escalation.appeal_clock WHERE tracking_number LIKE $1`,
    [`${DUE_PREFIX}%`],
  );
  await db.query('COMMIT');
  return (performance.now() - started) / 1000;
}

/** Back to the open clocks only: the due ones, the ledger and any outbox rows go; VACUUM clears the dead rows. */
export async function removeDueClocks(db: Client): Promise<void> {
  await db.query('DELETE FROM escalation.appeal_clock WHERE tracking_number LIKE $1', [`${DUE_PREFIX}%`]);
  await db.query('TRUNCATE escalation.escalation_step, escalation.outbox_message');
  await db.query('VACUUM ANALYZE escalation.appeal_clock');
}
