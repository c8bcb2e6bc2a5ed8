import type { ExternalSystem } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookSubscriptions } from '../subscriptions/webhook-subscriptions';
import { WebhookDeliveryRepository } from '../webhook-delivery.repository';
import { WebhookSubscriptionRepository } from '../webhook-subscription.repository';
import { DEFAULT_LOG_LIMIT, DeliveryView, type DeliveryLogQuery, type DeliveryLogView } from './delivery.dto';

/** A subscription's delivery log, and redelivery on request. */
@Injectable()
export class WebhookDeliveries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly owned: WebhookSubscriptions,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async log(system: ExternalSystem, id: string, query: DeliveryLogQuery): Promise<DeliveryLogView> {
    await this.owned.get(system, id);
    const limit = query.limit ? Number(query.limit) : DEFAULT_LOG_LIMIT;
    const rows = await this.deliveries.log(id, { status: query.status, before: query.before, limit });
    const deliveries = rows.map((row) => DeliveryView.of(row));
    const last = deliveries.at(-1);
    return rows.length === limit && last ? { deliveries, nextBefore: last.notificationId } : { deliveries };
  }

  /**
   * Enabled again with a clean run of failures; its failed and held deliveries (since `since`) due now, each
   * with a fresh run of attempts. Sent ones are not sent again.
   */
  redeliver(system: ExternalSystem, id: string, since: Date | undefined): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.owned.get(system, id, manager);
      await this.subscriptions.reenable(manager, id);
      return this.deliveries.requeue(manager, id, since);
    });
  }
}
