import { appealsPresent } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WarningPoint } from '../deadlines/deadline-calculator';
import type { AppealClock, ClockState } from './appeal-clock';

interface ClockRow {
  appeal_id: string;
  tracking_number: string;
  kind: string;
  region_kato: string | null;
  routed_organization_id: string;
  level: string;
  organization_id: string;
  received_at: Date | null;
  started_at: Date;
  registered_on: string;
  policy: string;
  original_due_at: Date;
  due_at: Date;
  warnings: Array<{ at: string; before: string; workingDaysLeft?: number }>;
  next_warn_at: Date | null;
  state: ClockState;
}

export interface EscalationStep {
  appealId: string;
  fromLevel: string;
  toLevel: string;
  reason: string;
  escalatedAt: Date;
}

const COLUMNS = `appeal_id, tracking_number, kind, region_kato, routed_organization_id, level, organization_id,
  received_at, started_at, to_char(registered_on, 'YYYY-MM-DD') AS registered_on, policy, original_due_at, due_at,
  warnings, next_warn_at, state`;

/** Every query on the clocks table and the escalation ledger. */
@Injectable()
export class ClockRepository {
  /** Which of these appeals have a clock already (lower-case ids). */
  watchedAmong(manager: EntityManager, appealIds: readonly string[]): Promise<Set<string>> {
    return appealsPresent(manager, 'escalation', 'appeal_clock', appealIds);
  }

  /** New clocks in one statement; answers how many were inserted (an appeal with a clock is skipped). */
  async insertAll(manager: EntityManager, clocks: readonly AppealClock[]): Promise<number> {
    if (clocks.length === 0) return 0;
    const column = <T>(pick: (clock: AppealClock) => T): T[] => clocks.map(pick);
    const rows = await manager.query<unknown[]>(
      `INSERT INTO escalation.appeal_clock (appeal_id, tracking_number, kind, region_kato, routed_organization_id,
         level, organization_id, received_at, started_at, registered_on, policy, original_due_at, due_at, warnings,
         next_warn_at, state)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::timestamptz[], $9::timestamptz[], $10::date[], $11::text[], $12::timestamptz[], $13::timestamptz[],
         $14::jsonb[], $15::timestamptz[], $16::text[])
       ON CONFLICT (appeal_id) DO NOTHING RETURNING appeal_id`,
      [
        column((clock) => clock.appealId),
        column((clock) => clock.trackingNumber),
        column((clock) => clock.kind),
        column((clock) => clock.regionKato),
        column((clock) => clock.routedOrganizationId),
        column((clock) => clock.level),
        column((clock) => clock.organizationId),
        column((clock) => clock.receivedAt),
        column((clock) => clock.startedAt),
        column((clock) => clock.registeredOn),
        column((clock) => clock.policy),
        column((clock) => clock.originalDueAt),
        column((clock) => clock.dueAt),
        column((clock) => JSON.stringify(clock.warnings)),
        column((clock) => clock.nextWarnAt),
        column((clock) => clock.state),
      ],
    );
    return rows.length;
  }

  /** The clock of one appeal, locked until the transaction ends; the sweep skips it meanwhile. */
  async lock(manager: EntityManager, appealId: string): Promise<AppealClock | undefined> {
    const rows = await manager.query<ClockRow[]>(
      `SELECT ${COLUMNS} FROM escalation.appeal_clock WHERE appeal_id = $1 FOR UPDATE`,
      [appealId],
    );
    return rows.map(toClock)[0];
  }

  /** Running clocks with a warning point passed, oldest first, locked; rows another sweeper holds are skipped. */
  async claimWarnings(manager: EntityManager, now: Date, limit: number): Promise<AppealClock[]> {
    const rows = await manager.query<ClockRow[]>(
      `SELECT ${COLUMNS} FROM escalation.appeal_clock
       WHERE state = 'running' AND next_warn_at IS NOT NULL AND next_warn_at <= $1
         AND (retry_after IS NULL OR retry_after <= $1)
       ORDER BY next_warn_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toClock);
  }

  /** Running clocks past their deadline with no warning left to send first, oldest first, locked. */
  async claimOverdue(manager: EntityManager, now: Date, limit: number): Promise<AppealClock[]> {
    const rows = await manager.query<ClockRow[]>(
      `SELECT ${COLUMNS} FROM escalation.appeal_clock
       WHERE state = 'running' AND next_warn_at IS NULL AND due_at <= $1
         AND (retry_after IS NULL OR retry_after <= $1)
       ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toClock);
  }

  /** Writes changed clocks in one statement, whatever their number. */
  async save(manager: EntityManager, clocks: AppealClock[]): Promise<void> {
    if (clocks.length === 0) return;
    const column = <T>(pick: (clock: AppealClock) => T) => clocks.map(pick);
    await manager.query(
      `UPDATE escalation.appeal_clock AS clock SET
         region_kato = changed.region_kato, routed_organization_id = changed.routed_organization_id,
         level = changed.level,
         organization_id = changed.organization_id, started_at = changed.started_at,
         registered_on = changed.registered_on, policy = changed.policy, original_due_at = changed.original_due_at,
         due_at = changed.due_at, warnings = changed.warnings, next_warn_at = changed.next_warn_at,
         state = changed.state, retry_after = NULL, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::date[], $7::text[],
                   $8::timestamptz[], $9::timestamptz[], $10::jsonb[], $11::timestamptz[], $12::text[], $13::text[])
         AS changed(appeal_id, routed_organization_id, level, organization_id, started_at, registered_on, policy,
                    original_due_at, due_at, warnings, next_warn_at, state, region_kato)
       WHERE clock.appeal_id = changed.appeal_id`,
      [
        column((clock) => clock.appealId),
        column((clock) => clock.routedOrganizationId),
        column((clock) => clock.level),
        column((clock) => clock.organizationId),
        column((clock) => clock.startedAt.toISOString()),
        column((clock) => clock.registeredOn),
        column((clock) => clock.policy),
        column((clock) => clock.originalDueAt.toISOString()),
        column((clock) => clock.dueAt.toISOString()),
        column((clock) => JSON.stringify(clock.warnings)),
        column((clock) => clock.nextWarnAt?.toISOString() ?? null),
        column((clock) => clock.state),
        column((clock) => clock.regionKato),
      ],
    );
  }

  /** Leaves clocks the sweep could not decide alone until `until`, so they do not hold back the others. */
  async setAside(manager: EntityManager, appealIds: string[], until: Date): Promise<void> {
    if (appealIds.length === 0) return;
    await manager.query(
      'UPDATE escalation.appeal_clock SET retry_after = $2 WHERE appeal_id = ANY($1::uuid[])',
      [appealIds, until],
    );
  }

  /**
   * Records escalations in the ledger, one per appeal and level; returns the appeals whose step is new.
   * The row lock already makes a step happen once; the ledger's key holds it even against a bug in that.
   */
  async recordEscalations(manager: EntityManager, steps: EscalationStep[]): Promise<Set<string>> {
    if (steps.length === 0) return new Set();
    const rows = await manager.query<Array<{ appeal_id: string }>>(
      `INSERT INTO escalation.escalation_step (appeal_id, from_level, to_level, reason, escalated_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
       ON CONFLICT (appeal_id, to_level) DO NOTHING RETURNING appeal_id`,
      [
        steps.map((step) => step.appealId),
        steps.map((step) => step.fromLevel),
        steps.map((step) => step.toLevel),
        steps.map((step) => step.reason),
        steps.map((step) => step.escalatedAt.toISOString()),
      ],
    );
    return new Set(rows.map((row) => row.appeal_id));
  }
}

function toClock(row: ClockRow): AppealClock {
  return {
    appealId: row.appeal_id,
    trackingNumber: row.tracking_number,
    kind: row.kind,
    regionKato: row.region_kato,
    routedOrganizationId: row.routed_organization_id,
    level: row.level,
    organizationId: row.organization_id,
    receivedAt: row.received_at === null ? null : new Date(row.received_at),
    startedAt: new Date(row.started_at),
    registeredOn: row.registered_on,
    policy: row.policy,
    originalDueAt: new Date(row.original_due_at),
    dueAt: new Date(row.due_at),
    warnings: row.warnings.map((point): WarningPoint => ({
      at: new Date(point.at),
      before: point.before,
      ...(point.workingDaysLeft !== undefined && { workingDaysLeft: point.workingDaysLeft }),
    })),
    nextWarnAt: row.next_warn_at === null ? null : new Date(row.next_warn_at),
    state: row.state,
  };
}
