import {
  CENTRAL_RECEPTION_ID,
  EventTypes,
  newCloudEvent,
  Topics,
  type AppealRegisteredData,
  type AppealRoutedData,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ROUTING_EVENT_SOURCE } from '../routing.definition';
import { Assignment } from './assignment.entity';
import { Organization } from './organization.entity';
import { decideRouting } from './routing-decision';
import { RoutingRule } from './routing-rule.entity';

export type RoutingOutcome = 'routed' | 'skipped-already-routed';

@Injectable()
export class AppealRouter {
  constructor(private readonly outbox: OutboxWriter) {}

  async route(manager: EntityManager, appeal: AppealRegisteredData): Promise<RoutingOutcome> {
    if (await manager.existsBy(Assignment, { appealId: appeal.appealId })) return 'skipped-already-routed';
    const rules = await manager.find(RoutingRule);
    const decision = decideRouting(appeal, rules, CENTRAL_RECEPTION_ID);
    const organization = await manager.findOneByOrFail(Organization, { id: decision.organizationId });
    const routedAt = new Date();
    await manager.insert(Assignment, {
      appealId: appeal.appealId,
      trackingNumber: appeal.trackingNumber,
      organizationId: organization.id,
      ruleId: decision.ruleId,
      isFallback: decision.isFallback,
      routedAt,
    });
    const data: AppealRoutedData = {
      appealId: appeal.appealId,
      trackingNumber: appeal.trackingNumber,
      organizationId: organization.id,
      organizationName: organizationNameIn(organization, appeal.language),
      regionKato: appeal.regionKato,
      ruleId: decision.ruleId ?? undefined,
      routedAt: routedAt.toISOString(),
      isFallback: decision.isFallback,
      kind: appeal.kind,
      language: appeal.language,
    };
    await this.outbox.add(manager, [
      {
        topic: Topics.events,
        key: appeal.appealId,
        event: newCloudEvent({
          type: EventTypes.routed,
          source: ROUTING_EVENT_SOURCE,
          subject: appeal.appealId,
          data,
        }),
      },
    ]);
    return 'routed';
  }
}

/** The citizen reads the name of the body that answers in the language of the appeal. */
function organizationNameIn(organization: Organization, language: string): string {
  if (language === 'kk') return organization.nameKk;
  if (language === 'en') return organization.nameEn;
  return organization.nameRu;
}
