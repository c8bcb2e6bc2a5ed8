import {
  CENTRAL_RECEPTION_ID,
  EventTypes,
  newCloudEvent,
  Topics,
  type AppealRegisteredData,
  type AppealRoutedData,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { CachedReferenceData } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ROUTING_EVENT_SOURCE } from '../routing.definition';
import { Assignment } from './assignment.entity';
import { Organization } from './organization.entity';
import { receivedAtOf } from './received-at';
import { decideRouting } from './routing-decision';
import { RoutingRule } from './routing-rule.entity';

export type RoutingOutcome = 'routed' | 'skipped-already-routed';

interface Directory {
  rules: RoutingRule[];
  organizations: Map<string, Organization>;
}

@Injectable()
export class AppealRouter {
  private readonly directory: CachedReferenceData<Directory>;

  constructor(
    private readonly outbox: OutboxWriter,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.directory = new CachedReferenceData(async () => ({
      rules: await dataSource.manager.find(RoutingRule),
      organizations: new Map((await dataSource.manager.find(Organization)).map((org) => [org.id, org])),
    }));
  }

  async route(manager: EntityManager, appeal: AppealRegisteredData): Promise<RoutingOutcome> {
    const { rules, organizations } = await this.directory.get();
    const decision = decideRouting(appeal, rules, CENTRAL_RECEPTION_ID);
    const organization = organizations.get(decision.organizationId);
    if (!organization)
      throw new Error(`routing rule points at unknown organisation ${decision.organizationId}`);
    const routedAt = new Date();
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Assignment)
      .values({
        appealId: appeal.appealId,
        trackingNumber: appeal.trackingNumber,
        organizationId: organization.id,
        ruleId: decision.ruleId,
        isFallback: decision.isFallback,
        routedAt,
      })
      .orIgnore()
      .updateEntity(false)
      .returning(['appealId'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return 'skipped-already-routed';
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
