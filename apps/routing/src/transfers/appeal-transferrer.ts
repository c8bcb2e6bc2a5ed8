import {
  actionRefusal,
  CENTRAL_RECEPTION_ID,
  EventTypes,
  RefusalCode,
  type AppealEscalatedData,
  type AppealTransferredData,
  type CloudEvent,
  type TransferRequestedData,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { countFromEnv } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentRepository } from '../routing/assignment-repository';
import { lifecycleEntry } from '../routing/lifecycle-entry';
import { organizationNameIn, RoutingDirectory } from '../routing/routing-directory';
import { decideTransfer, type TransferLimits } from './transfer-decision';
import { transferOutcomes } from './transfer-metrics';

export type TransferResult = 'transferred' | `refused-${RefusalCode}`;
export type HolderOutcome = 'applied' | 'skipped-unknown-appeal';

/**
 * Carries out a holder's "not ours": loads what routing knows of the appeal (locked), asks the decision where
 * it goes, records the transfer and publishes `transferred`, or `action-refused` when it cannot be done.
 */
@Injectable()
export class AppealTransferrer {
  private readonly limits: TransferLimits = {
    maxTransfers: countFromEnv('ROUTING_MAX_TRANSFERS', 2, 0),
    centralReceptionId: CENTRAL_RECEPTION_ID,
  };

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly directory: RoutingDirectory,
    private readonly assignments: AssignmentRepository,
  ) {}

  async transfer(
    manager: EntityManager,
    request: CloudEvent<TransferRequestedData>,
  ): Promise<TransferResult> {
    const { appealId, organizationId: decliningId, suggestedOrganizationId } = request.data;
    const held = await this.assignments.lockHeld(manager, appealId);
    if (!held)
      return this.refuse(manager, request, RefusalCode.notTheHolder, 'routing has not routed this appeal');
    const { rules, organizations } = await this.directory.get();
    const outcome = decideTransfer(
      held,
      { decliningId, suggestedId: suggestedOrganizationId },
      { rules, isActive: (id) => organizations.get(id)?.active === true },
      this.limits,
    );
    if ('refused' in outcome) return this.refuse(manager, request, outcome.refused, outcome.message);

    const receiving = organizations.get(outcome.organizationId);
    if (!receiving) throw new Error(`transfer chose unknown organisation ${outcome.organizationId}`);
    const transferredAt = new Date();
    await this.assignments.recordTransfer(manager, {
      appealId,
      transferNumber: outcome.transferCount,
      fromOrganizationId: decliningId,
      toOrganizationId: receiving.id,
      decision: outcome.decision,
      ruleId: outcome.ruleId,
      requestEventId: request.id,
      transferredAt,
    });
    const data: AppealTransferredData = {
      appealId,
      trackingNumber: held.trackingNumber,
      fromOrganizationId: decliningId,
      toOrganizationId: receiving.id,
      toOrganizationName: organizationNameIn(receiving, held.language),
      // The place the receiving body answers for; the central reception answers for the whole country.
      ...(receiving.id !== CENTRAL_RECEPTION_ID && held.appeal && { toRegionKato: held.appeal.regionKato }),
      reason: request.data.reason,
      transferredBy: request.data.requestedBy,
      transferredAt: transferredAt.toISOString(),
      decision: outcome.decision,
      ...(outcome.ruleId !== undefined && { ruleId: outcome.ruleId }),
      transferCount: outcome.transferCount,
    };
    await this.outbox.add(manager, [lifecycleEntry(EventTypes.transferred, data)]);
    transferOutcomes.inc({ outcome: outcome.decision });
    return 'transferred';
  }

  /** Escalation moved the case up: the body above holds it now, and only it may decline it. */
  async escalated(manager: EntityManager, escalated: AppealEscalatedData): Promise<HolderOutcome> {
    const moved = await this.assignments.moveHolder(manager, escalated.appealId, escalated.toOrganizationId);
    return moved ? 'applied' : 'skipped-unknown-appeal';
  }

  private async refuse(
    manager: EntityManager,
    request: CloudEvent<TransferRequestedData>,
    code: RefusalCode,
    message: string,
  ): Promise<TransferResult> {
    const data = actionRefusal(request, code, message, new Date());
    await this.outbox.add(manager, [lifecycleEntry(EventTypes.actionRefused, data)]);
    transferOutcomes.inc({ outcome: `refused-${code}` });
    return `refused-${code}`;
  }
}
