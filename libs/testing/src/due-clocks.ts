import type { Client } from 'pg';

export interface DueClocksOptions {
  count: number;
  /** Marks the batch: tracking numbers are `<prefix>-<n>`. */
  trackingPrefix: string;
  /** One warning point passed a second before the deadline, still to be fired (as a late sweep finds it). */
  warningPassed?: boolean;
}

/**
 * Unanswered appeals at the regional akimat whose deadline passed a moment ago, written straight into
 * escalation's clock table in one statement, so that every sweeper finds all of them due at once. Returns
 * their ids.
 */
export async function insertDueClocks(db: Client, options: DueClocksOptions): Promise<string[]> {
  const { rows } = await db.query<{ appeal_id: string }>(
    `INSERT INTO escalation.appeal_clock (appeal_id, tracking_number, kind, region_kato, routed_organization_id,
       level, organization_id, received_at, started_at, registered_on, policy, original_due_at, due_at, warnings,
       next_warn_at, state)
     SELECT gen_random_uuid(), $2::text || '-' || n, 'complaint', '751110000', 'akimat-almaty', 'regional-akimat',
       'akimat-almaty', now() - interval '1 minute', now() - interval '1 minute', current_date, 'PT1M',
       now() - interval '1 second', now() - interval '1 second',
       CASE WHEN $3::boolean THEN jsonb_build_array(jsonb_build_object('at', now() - interval '2 seconds', 'before', 'PT1S'))
            ELSE '[]'::jsonb END,
       CASE WHEN $3::boolean THEN now() - interval '2 seconds' END,
       'running'
     FROM generate_series(1, $1::int) AS n
     RETURNING appeal_id`,
    [options.count, options.trackingPrefix, options.warningPassed ?? false],
  );
  return rows.map((row) => row.appeal_id);
}

/** Rows of escalation's ledger for these appeals, by appeal and level reached. */
export async function escalationStepsOf(db: Client, appealIds: string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ appeal_id: string; to_level: string }>(
    'SELECT appeal_id, to_level FROM escalation.escalation_step WHERE appeal_id = ANY($1::uuid[])',
    [appealIds],
  );
  const steps = new Map<string, string[]>();
  for (const row of rows) steps.set(row.appeal_id, [...(steps.get(row.appeal_id) ?? []), row.to_level]);
  return steps;
}
