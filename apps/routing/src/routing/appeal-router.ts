import {
  CENTRAL_RECEPTION_ID,
  EventTypes,
  type AppealRegisteredData,
  type AppealRoutedData,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentRepository } from './assignment-repository';
import { lifecycleEntry } from './lifecycle-entry';
import { receivedAtOf } from './received-at';
import { decideRouting } from './routing-decision';
import { organizationNameIn, RoutingDirectory } from './routing-directory';

export type RoutingOutcome = 'routed' | 'skipped-already-routed';

@Injectable()
export class AppealRouter {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly directory: RoutingDirectory,
    private readonly assignments: AssignmentRepository,
  ) {}

  async route(manager: EntityManager, appeal: AppealRegisteredData): Promise<RoutingOutcome> {
    const { rules, organizations } = await this.directory.get();
    const decision = decideRouting(appeal, rules, CENTRAL_RECEPTION_ID);
    const organization = organizations.get(decision.organizationId);
    if (!organization)
      throw new Error(`routing rule points at unknown organisation ${decision.organizationId}`);
    const routedAt = new Date();
    const inserted = await this.assignments.insertIfAbsent(manager, {
      appealId: appeal.appealId,
      trackingNumber: appeal.trackingNumber,
      // Kept so that a transfer can route the appeal again without the registered event.
      appeal: { regionKato: appeal.regionKato, category: appeal.category, kind: appeal.kind },
      language: appeal.language,
      organizationId: organization.id,
      ruleId: decision.ruleId,
      isFallback: decision.isFallback,
      routedAt,
    });
    if (!inserted) return 'skipped-already-routed';
    const data: AppealRoutedData = {
      appealId: appeal.appealId,
      trackingNumber: appeal.trackingNumber,
      organizationId: organization.id,
      organizationName: organizationNameIn(organization, appeal.language),
      regionKato: appeal.regionKato,
      ruleId: decision.ruleId ?? undefined,
      routedAt: routedAt.toISOString(),
      receivedAt: receivedAtOf(appeal),
      isFallback: decision.isFallback,
      kind: appeal.kind,
      language: appeal.language,
    };
    await this.outbox.add(manager, [lifecycleEntry(EventTypes.routed, data)]);
    return 'routed';
  }
}
