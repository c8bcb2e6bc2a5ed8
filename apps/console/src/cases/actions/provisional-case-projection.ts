import { EventTypes, type CloudEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseStatus } from '../case-status';
import { CaseProjection } from './case-projection';

const STATUS_AFTER: Readonly<Record<string, CaseStatus>> = {
  [EventTypes.accepted]: CaseStatus.inWork,
  [EventTypes.responded]: CaseStatus.answered,
  [EventTypes.resolved]: CaseStatus.resolved,
  [EventTypes.transferRequested]: CaseStatus.transferPending,
  [EventTypes.reopened]: CaseStatus.inWork,
};

/**
 * Stands in for the read model's projection until branch h-readmodel brings it: folds the console's own
 * action events onto the case row (status, answer, control, version). Replaced, not extended, at that merge.
 */
@Injectable()
export class ProvisionalCaseProjection extends CaseProjection {
  async apply(manager: EntityManager, event: CloudEvent): Promise<void> {
    const data = event.data as { appealId: string; responseId?: string; takenBy?: { id: string } };
    await manager.query(
      `UPDATE console.case_file SET
         status = COALESCE($2, status),
         response_id = COALESCE($3, response_id),
         under_control_by = COALESCE($4, under_control_by),
         version = version + 1,
         updated_at = now()
       WHERE appeal_id = $1`,
      [data.appealId, STATUS_AFTER[event.type] ?? null, data.responseId ?? null, data.takenBy?.id ?? null],
    );
  }
}
