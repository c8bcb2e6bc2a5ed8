import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/** Which subscriptions hear an event: for the planner, inside its transaction. */
@Injectable()
export class WebhookAudience {
  constructor(private readonly subscriptions: WebhookSubscriptionRepository) {}

  /** Active and disabled subscriptions of the appeal's source that take this type; a disabled one's rows are held. */
  async subscribersOf(
    manager: EntityManager,
    source: string | null,
    eventType: string,
  ): Promise<Array<{ subscriptionId: string; held: boolean }>> {
    // An appeal of unknown source (recorded before sources were kept) belongs to no system.
    if (source === null) return [];
    const rows = await this.subscriptions.subscribersOf(manager, source, eventType);
    return rows.map((row) => ({ subscriptionId: row.id, held: row.status === 'disabled' }));
  }
}
