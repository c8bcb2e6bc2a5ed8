import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WebhookSubscription } from './webhook-subscription.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every query on notification.webhook_subscription. Reads and changes by a system are scoped to its source. */
@Injectable()
export class WebhookSubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private table(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(WebhookSubscription);
  }

  countOf(manager: EntityManager, source: string): Promise<number> {
    return this.table(manager).countBy({ source });
  }

  async insert(manager: EntityManager, subscription: WebhookSubscription): Promise<WebhookSubscription> {
    await this.table(manager).insert(subscription);
    // As stored: the times are the database's.
    return this.table(manager).findOneByOrFail({ id: subscription.id });
  }

  listOf(source: string): Promise<WebhookSubscription[]> {
    return this.table().find({ where: { source }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The system's subscription, locked for the caller's transaction; null for another system's or none. */
  async findOf(source: string, id: string, manager?: EntityManager): Promise<WebhookSubscription | null> {
    if (!UUID.test(id)) return null;
    return this.table(manager).findOne({
      where: { id, source },
      ...(manager ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** For sending: whoever owns it. */
  async byId(id: string): Promise<WebhookSubscription | null> {
    return UUID.test(id) ? this.table().findOneBy({ id }) : null;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await this.table(manager).delete({ id });
  }

  async setSecret(manager: EntityManager, id: string, secret: string): Promise<void> {
    await manager.query(
      `UPDATE notification.webhook_subscription SET secret = $2, updated_at = now() WHERE id = $1`,
      [id, secret],
    );
  }

  /** Active again with a clean run: what redelivery does before it requeues. */
  async reenable(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE notification.webhook_subscription
          SET status = 'active', consecutive_failures = 0, disabled_at = NULL, disabled_reason = NULL,
              updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  /**
   * One more failed attempt in the subscription's run, counted by the database so that concurrent attempts
   * never lose a count; undefined when the subscription is gone.
   */
  async countFailure(
    manager: EntityManager,
    id: string,
  ): Promise<{ failures: number; status: WebhookSubscription['status'] } | undefined> {
    const [rows] = await manager.query<
      [Array<{ failures: number; status: WebhookSubscription['status'] }>, number]
    >(
      `UPDATE notification.webhook_subscription
          SET consecutive_failures = consecutive_failures + 1, updated_at = now()
        WHERE id = $1
       RETURNING consecutive_failures AS failures, status`,
      [id],
    );
    return rows[0];
  }

  async resetFailures(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE notification.webhook_subscription SET consecutive_failures = 0, updated_at = now()
        WHERE id = $1 AND consecutive_failures <> 0`,
      [id],
    );
  }

  async disable(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE notification.webhook_subscription
          SET status = 'disabled', disabled_at = now(), disabled_reason = $2, updated_at = now()
        WHERE id = $1 AND status = 'active'`,
      [id, reason],
    );
  }

  /** Every subscription of these sources, active or disabled, oldest first. */
  subscriptionsOf(
    manager: EntityManager,
    sources: readonly string[],
  ): Promise<Array<{ id: string; source: string; status: 'active' | 'disabled'; eventTypes: string[] }>> {
    if (sources.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT id, source, status, event_types AS "eventTypes" FROM notification.webhook_subscription
        WHERE source = ANY ($1::text[])
        ORDER BY created_at, id`,
      [sources],
    );
  }
}
