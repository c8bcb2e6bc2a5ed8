import { httpError, invalidRequest, type ExternalSystem } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { newWebhookSecret } from '../standard-webhook-signer';
import { WebhookDeliveryRepository } from '../webhook-delivery.repository';
import { WEBHOOK_CONFIG, type WebhookConfig } from '../webhook-config';
import { WebhookSubscription } from '../webhook-subscription.entity';
import { WebhookSubscriptionRepository } from '../webhook-subscription.repository';
import { webhookHostErrors, webhookUrlErrors } from '../webhook-url';
import type { CreateSubscriptionRequest } from './subscription.dto';

/** A system's webhook subscriptions: made, listed, shown, rotated and deleted, only ever its own. */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {}

  async create(system: ExternalSystem, request: CreateSubscriptionRequest): Promise<WebhookSubscription> {
    const urlErrors = webhookUrlErrors(request.url, this.config.allowInsecure);
    if (urlErrors.length === 0 && !this.config.allowInsecure)
      urlErrors.push(...(await webhookHostErrors(request.url)));
    if (urlErrors.length > 0) throw invalidRequest(400, 'invalid-fields', urlErrors);
    return this.dataSource.transaction(async (manager) => {
      // One system's subscriptions are counted one request at a time, so two at once cannot pass the limit.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('webhook_subscription:' || $1))`, [
        system.source,
      ]);
      if ((await this.subscriptions.countOf(manager, system.source)) >= this.config.maxSubscriptions)
        throw httpError('webhook-subscription-limit');
      return this.subscriptions.insert(
        manager,
        Object.assign(new WebhookSubscription(), {
          id: randomUUID(),
          clientId: system.clientId,
          source: system.source,
          url: request.url,
          eventTypes: request.eventTypes,
          secret: newWebhookSecret(),
          description: request.description ?? null,
          status: 'active',
          consecutiveFailures: 0,
          disabledAt: null,
          disabledReason: null,
        }),
      );
    });
  }

  list(system: ExternalSystem): Promise<WebhookSubscription[]> {
    return this.subscriptions.listOf(system.source);
  }

  async get(system: ExternalSystem, id: string, manager?: EntityManager): Promise<WebhookSubscription> {
    const subscription = await this.subscriptions.findOf(system.source, id, manager);
    // Another system's subscription is answered as none at all: its existence is not the caller's business.
    if (!subscription) throw httpError('webhook-subscription-not-found');
    return subscription;
  }

  /** Its deliveries still to go are closed as failed (`subscription-deleted`): nobody is left to take them. */
  async delete(system: ExternalSystem, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.get(system, id, manager);
      await this.deliveries.closeOpen(manager, id);
      await this.subscriptions.delete(manager, id);
    });
  }

  /** A new secret at once: deliveries from now on are signed with it only. */
  rotateSecret(system: ExternalSystem, id: string): Promise<WebhookSubscription> {
    return this.dataSource.transaction(async (manager) => {
      await this.get(system, id, manager);
      await this.subscriptions.setSecret(manager, id, newWebhookSecret());
      return this.get(system, id, manager);
    });
  }
}
