import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationStatus } from '../notifications/notification.entity';

/** One webhook delivery (a notification row of the subscription) with its attempts, as the log shows it. */
export interface DeliveryLogRow {
  id: string;
  event_id: string;
  event_type: string;
  status: NotificationStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
  attempt_log: Array<{
    attempt: number;
    startedAt: string;
    finishedAt: string;
    outcome: string;
    providerAnswer: string;
  }>;
}

export interface DeliveryLogFilter {
  status?: NotificationStatus;
  /** A notification id: only older deliveries (the next page). */
  before?: string;
  limit: number;
}

/** Every query on a subscription's deliveries: its webhook rows of notification.notification. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, each with its attempts in order. */
  log(subscriptionId: string, filter: DeliveryLogFilter): Promise<DeliveryLogRow[]> {
    return this.dataSource.query(
      `SELECT n.id, n.event_id, n.event_type, n.status, n.attempts, n.next_attempt_at, n.last_error,
              n.created_at, n.sent_at, n.failed_at,
              COALESCE((SELECT json_agg(json_build_object(
                                 'attempt', a.attempt, 'startedAt', a.started_at, 'finishedAt', a.finished_at,
                                 'outcome', a.outcome, 'providerAnswer', a.provider_answer) ORDER BY a.id)
                          FROM notification.delivery_attempt a WHERE a.notification_id = n.id), '[]') AS attempt_log
         FROM notification.notification n
        WHERE n.channel = 'webhook' AND n.recipient = $1
          AND ($2::text IS NULL OR n.status = $2)
          AND ($3::bigint IS NULL OR n.id < $3)
        ORDER BY n.id DESC
        LIMIT $4`,
      [subscriptionId, filter.status ?? null, filter.before ?? null, filter.limit],
    );
  }

  /** A disabled subscription's pending deliveries wait, held, until it is redelivered. */
  async holdPending(manager: EntityManager, subscriptionId: string): Promise<void> {
    await manager.query(
      `UPDATE notification.notification SET status = 'held', updated_at = now()
        WHERE channel = 'webhook' AND recipient = $1 AND status = 'pending'`,
      [subscriptionId],
    );
  }

  /**
   * Held deliveries, and failed ones (created at or after `since`, if given), due again now, with a fresh run
   * of attempts; how many. Every held one goes: once the subscription is enabled nothing else would release it.
   */
  async requeue(manager: EntityManager, subscriptionId: string, since: Date | undefined): Promise<number> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE notification.notification
          SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL, last_error = NULL,
              failed_at = NULL, updated_at = now()
        WHERE channel = 'webhook' AND recipient = $1 AND content IS NOT NULL
          AND (status = 'held' OR (status = 'failed' AND ($2::timestamptz IS NULL OR created_at >= $2)))
       RETURNING id`,
      [subscriptionId, since ?? null],
    );
    return rows.length;
  }

  /** A deleted subscription's deliveries that were still to go: closed as failed, never sent. */
  async closeOpen(manager: EntityManager, subscriptionId: string): Promise<void> {
    await manager.query(
      `UPDATE notification.notification
          SET status = 'failed', last_error = 'subscription-deleted', failed_at = now(), updated_at = now()
        WHERE channel = 'webhook' AND recipient = $1 AND status IN ('pending', 'held')`,
      [subscriptionId],
    );
  }
}
