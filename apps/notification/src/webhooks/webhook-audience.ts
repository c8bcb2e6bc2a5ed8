import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/** A webhook subscription as the planner weighs it. */
export interface Subscription {
  id: string;
  status: 'active' | 'disabled';
  eventTypes: string[];
}

/** Which subscriptions hear an event: for the planner, inside its transaction. */
@Injectable()
export class WebhookAudience {
  constructor(private readonly subscriptions: WebhookSubscriptionRepository) {}

  /** The subscriptions of each of `sources`, active and disabled, oldest first. */
  async subscriptionsOf(
    manager: EntityManager,
    sources: readonly string[],
  ): Promise<Map<string, Subscription[]>> {
    const bySource = new Map<string, Subscription[]>();
    for (const row of await this.subscriptions.subscriptionsOf(manager, sources)) {
      const { source, ...subscription } = row;
      bySource.set(source, [...(bySource.get(source) ?? []), subscription]);
    }
    return bySource;
  }

  /** Those of an appeal's source's subscriptions that take this type; a disabled one's rows are held. */
  subscribersAmong(
    subscriptions: readonly Subscription[],
    eventType: string,
  ): Array<{ subscriptionId: string; held: boolean }> {
    return subscriptions
      .filter((subscription) => subscription.eventTypes.includes(eventType))
      .map((subscription) => ({ subscriptionId: subscription.id, held: subscription.status === 'disabled' }));
  }
}
