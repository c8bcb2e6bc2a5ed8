import type { TransferDecision } from '@app/contracts';
import { appealsPresent } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TransferCase } from '../transfers/transfer-decision';
import type { RoutableAppeal } from './routing-decision';

export interface NewAssignment {
  appealId: string;
  trackingNumber: string;
  appeal: RoutableAppeal;
  language: string;
  organizationId: string;
  ruleId: string | null;
  isFallback: boolean;
  routedAt: Date;
}

/** A routed appeal, locked for a transfer. */
export interface HeldAppeal extends TransferCase {
  trackingNumber: string;
  /** Null for an appeal routed before routing kept it. */
  language: string | null;
}

export interface TransferRecord {
  appealId: string;
  transferNumber: number;
  fromOrganizationId: string;
  toOrganizationId: string;
  decision: TransferDecision;
  ruleId?: string;
  requestEventId: string;
  transferredAt: Date;
}

interface HeldRow {
  tracking_number: string;
  region_kato: string | null;
  category: string | null;
  kind: string | null;
  language: string | null;
  holder_organization_id: string;
  transfers: number;
  declined_by: string[];
}

/** Every query on the assignments and their transfers: who answers each appeal, and who declined it. */
@Injectable()
export class AssignmentRepository {
  /** Which of these appeals are routed already (lower-case ids). */
  routedAmong(manager: EntityManager, appealIds: readonly string[]): Promise<Set<string>> {
    return appealsPresent(manager, 'routing', 'assignment', appealIds);
  }

  /** One statement for all; answers how many were inserted (an appeal routed already is skipped). */
  async insertAll(manager: EntityManager, assignments: readonly NewAssignment[]): Promise<number> {
    if (assignments.length === 0) return 0;
    const column = <T>(pick: (assignment: NewAssignment) => T): T[] => assignments.map(pick);
    const rows = await manager.query<unknown[]>(
      `INSERT INTO routing.assignment (appeal_id, tracking_number, region_kato, category, kind, language,
         organization_id, holder_organization_id, rule_id, is_fallback, routed_at)
       SELECT appeal_id, tracking_number, region_kato, category, kind, language, organization_id,
         organization_id, rule_id, is_fallback, routed_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::boolean[], $10::timestamptz[])
         AS a(appeal_id, tracking_number, region_kato, category, kind, language, organization_id, rule_id,
           is_fallback, routed_at)
       ON CONFLICT (appeal_id) DO NOTHING RETURNING appeal_id`,
      [
        column((assignment) => assignment.appealId),
        column((assignment) => assignment.trackingNumber),
        column((assignment) => assignment.appeal.regionKato),
        column((assignment) => assignment.appeal.category),
        column((assignment) => assignment.appeal.kind),
        column((assignment) => assignment.language),
        column((assignment) => assignment.organizationId),
        column((assignment) => assignment.ruleId),
        column((assignment) => assignment.isFallback),
        column((assignment) => assignment.routedAt),
      ],
    );
    return rows.length;
  }

  /** The appeal with its holder and the bodies that declined it, locked until the transaction ends. */
  async lockHeld(manager: EntityManager, appealId: string): Promise<HeldAppeal | undefined> {
    const [row] = await manager.query<HeldRow[]>(
      `SELECT a.tracking_number, a.region_kato, a.category, a.kind, a.language, a.holder_organization_id,
         (SELECT count(*)::int FROM routing.transfer t WHERE t.appeal_id = a.appeal_id) AS transfers,
         (SELECT coalesce(array_agg(DISTINCT t.from_organization_id), '{}')
            FROM routing.transfer t WHERE t.appeal_id = a.appeal_id) AS declined_by
       FROM routing.assignment a WHERE a.appeal_id = $1 FOR UPDATE`,
      [appealId],
    );
    if (!row) return undefined;
    const { region_kato: regionKato, category, kind } = row;
    return {
      trackingNumber: row.tracking_number,
      language: row.language,
      appeal:
        regionKato !== null && category !== null && kind !== null ? { regionKato, category, kind } : null,
      holderId: row.holder_organization_id,
      declinedBy: new Set(row.declined_by),
      transfers: row.transfers,
    };
  }

  /** Records the transfer and hands the case to the receiving body. */
  async recordTransfer(manager: EntityManager, transfer: TransferRecord): Promise<void> {
    await manager.query(
      `INSERT INTO routing.transfer (appeal_id, transfer_number, from_organization_id, to_organization_id,
         decision, rule_id, request_event_id, transferred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        transfer.appealId,
        transfer.transferNumber,
        transfer.fromOrganizationId,
        transfer.toOrganizationId,
        transfer.decision,
        transfer.ruleId ?? null,
        transfer.requestEventId,
        transfer.transferredAt,
      ],
    );
    await this.moveHolder(manager, transfer.appealId, transfer.toOrganizationId);
  }

  /** False when routing never routed the appeal. */
  async moveHolder(manager: EntityManager, appealId: string, holderId: string): Promise<boolean> {
    // For an UPDATE, TypeORM answers the rows and the number of rows affected.
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE routing.assignment SET holder_organization_id = $2 WHERE appeal_id = $1`,
      [appealId, holderId],
    );
    return affected > 0;
  }
}
