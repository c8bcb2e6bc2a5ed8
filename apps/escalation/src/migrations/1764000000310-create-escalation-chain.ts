import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateDeadlines1764000000300 } from './1764000000300-create-deadlines';

/**
 * The escalation chain: levels and per-level policies as data, one clock per appeal at its current level,
 * and a ledger of escalations (one per appeal and level). Open deadlines of the first release are carried
 * over at the first level with their deadline unchanged.
 */
export class CreateEscalationChain1764000000310 implements MigrationInterface {
  readonly name = 'CreateEscalationChain1764000000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE escalation.escalation_level (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,63}$'),
        rank int NOT NULL UNIQUE,
        holder text NOT NULL CHECK (holder IN ('routed', 'akim-office', 'central-reception')),
        enabled boolean NOT NULL DEFAULT true
      )`);
    // The akim's office level is there to be switched on by data (UPDATE ... SET enabled = true).
    await queryRunner.query(`
      INSERT INTO escalation.escalation_level (code, rank, holder, enabled) VALUES
        ('regional-akimat', 10, 'routed', true),
        ('akim-office', 20, 'akim-office', false),
        ('central-reception', 30, 'central-reception', true)`);

    await queryRunner.query(`ALTER TABLE escalation.deadline_policy RENAME TO deadline_policy_v1`);
    await queryRunner.query(`
      CREATE TABLE escalation.deadline_policy (
        level text NOT NULL,
        kind text NOT NULL,
        due text NOT NULL,
        warn_before text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (level, kind)
      )`);
    // АППК art. 76: 15 working days at every level unless a row says otherwise; warnings 3 and 1 days ahead.
    await queryRunner.query(`
      INSERT INTO escalation.deadline_policy (level, kind, due, warn_before)
      SELECT code, '*', '15 working days', ARRAY['3 working days', '1 working day'] FROM escalation.escalation_level`);
    await queryRunner.query(`
      INSERT INTO escalation.deadline_policy (level, kind, due, warn_before)
      SELECT 'regional-akimat', kind,
             COALESCE(due_working_days || CASE WHEN due_working_days = 1 THEN ' working day' ELSE ' working days' END, due_duration),
             ARRAY[COALESCE(warn_working_days_before || CASE WHEN warn_working_days_before = 1 THEN ' working day' ELSE ' working days' END, warn_duration_before)]
      FROM escalation.deadline_policy_v1
      WHERE due_working_days IS DISTINCT FROM 15 OR warn_working_days_before IS DISTINCT FROM 3`);
    await queryRunner.query(`DROP TABLE escalation.deadline_policy_v1`);

    await queryRunner.query(`
      CREATE TABLE escalation.legal_rule (
        name text PRIMARY KEY CHECK (name IN ('forwarding', 'extension-limit', 'extension-notice')),
        span text NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO escalation.legal_rule (name, span) VALUES
        ('forwarding', '3 working days'), ('extension-limit', 'P2M'), ('extension-notice', '3 working days')`);

    await queryRunner.query(`
      CREATE TABLE escalation.appeal_clock (
        appeal_id uuid PRIMARY KEY,
        tracking_number text NOT NULL,
        kind text NOT NULL,
        region_kato text,
        routed_organization_id text NOT NULL,
        level text NOT NULL,
        organization_id text NOT NULL,
        received_at timestamptz,
        started_at timestamptz NOT NULL,
        registered_on date NOT NULL,
        policy text NOT NULL,
        original_due_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]',
        next_warn_at timestamptz,
        state text NOT NULL CHECK (state IN ('running', 'answered', 'resolved', 'overdue')),
        retry_after timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE INDEX appeal_clock_warn_idx ON escalation.appeal_clock (next_warn_at)
      WHERE state = 'running' AND next_warn_at IS NOT NULL`);
    // An escalation waits for its pending warning: the sweep only claims clocks with no warning left.
    await queryRunner.query(`
      CREATE INDEX appeal_clock_due_idx ON escalation.appeal_clock (due_at)
      WHERE state = 'running' AND next_warn_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE escalation.escalation_step (
        appeal_id uuid NOT NULL,
        to_level text NOT NULL,
        from_level text NOT NULL,
        reason text NOT NULL,
        escalated_at timestamptz NOT NULL,
        PRIMARY KEY (appeal_id, to_level)
      )`);

    await this.carryOverFirstRelease(queryRunner);
    await queryRunner.query(`DROP TABLE escalation.watched_appeal`);
  }

  /**
   * The first release's clocks: open ones keep their deadline at their level, cases it escalated sit at the
   * central reception with a term from their escalation, and its overdue ones stay overdue. It stored neither
   * the kind (so '*', the level's default policy) nor the receipt (NULL); the start of an open clock is taken
   * as the moment of this migration, which only bounds the dates of later transfers and extensions.
   */
  private async carryOverFirstRelease(queryRunner: QueryRunner): Promise<void> {
    // Kazakhstan's day of a moment: UTC+5 as an interval, since a zone '+05:00' in PostgreSQL is POSIX (UTC-5).
    const kazakhstanDay = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '5 hours')::date`;
    await queryRunner.query(`
      INSERT INTO escalation.appeal_clock (appeal_id, tracking_number, kind, routed_organization_id, level,
        organization_id, started_at, registered_on, policy, original_due_at, due_at, warnings, next_warn_at, state)
      SELECT appeal_id, tracking_number, '*', organization_id,
        CASE WHEN organization_id = 'central-reception' THEN 'central-reception' ELSE 'regional-akimat' END,
        organization_id, now(), ${kazakhstanDay('now()')}, policy, due_at, due_at,
        CASE WHEN state = 'watching'
          THEN jsonb_build_array(jsonb_build_object('at', warn_at, 'before', 'warning')) ELSE '[]' END,
        CASE WHEN state = 'watching' THEN warn_at END,
        CASE WHEN state = 'overdue' THEN 'overdue' ELSE 'running' END
      FROM escalation.watched_appeal
      WHERE state IN ('watching', 'warned', 'overdue')`);
    // The central reception had no term of its own then: 15 weekdays from the escalation day (the first
    // release knew no holidays either), ending 23:59:59.999 in Kazakhstan.
    await queryRunner.query(`
      INSERT INTO escalation.appeal_clock (appeal_id, tracking_number, kind, routed_organization_id, level,
        organization_id, started_at, registered_on, policy, original_due_at, due_at, state)
      SELECT appeal_id, tracking_number, '*', watched.organization_id, 'central-reception', 'central-reception',
        escalated_at, ${kazakhstanDay('escalated_at')}, '15 working days', term.due_at, term.due_at, 'running'
      FROM escalation.watched_appeal AS watched,
        LATERAL (
          SELECT ((day + interval '1 day' - interval '5 hours' - interval '1 millisecond') AT TIME ZONE 'UTC') AS due_at
          FROM generate_series(${kazakhstanDay('escalated_at')} + 1, ${kazakhstanDay('escalated_at')} + 40, interval '1 day') AS day
          WHERE extract(isodow FROM day) < 6 ORDER BY day OFFSET 14 LIMIT 1
        ) AS term
      WHERE state = 'escalated'`);
    await queryRunner.query(`
      INSERT INTO escalation.escalation_step (appeal_id, from_level, to_level, reason, escalated_at)
      SELECT appeal_id, 'regional-akimat', 'central-reception', 'overdue', escalated_at
      FROM escalation.watched_appeal WHERE state = 'escalated'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE escalation.escalation_step`);
    await queryRunner.query(`DROP TABLE escalation.appeal_clock`);
    await queryRunner.query(`DROP TABLE escalation.legal_rule`);
    await queryRunner.query(`DROP TABLE escalation.deadline_policy`);
    await queryRunner.query(`DROP TABLE escalation.escalation_level`);
    // The first release's tables, empty: open clocks do not go back to the single-level watch.
    await new CreateDeadlines1764000000300().up(queryRunner);
  }
}
