import type { NotificationChannel } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SendOutcome } from '../channels/delivery-channel';
import { Notification } from '../notifications/notification.entity';
import type { AttemptVerdict } from './attempt-listener';

/** The longest provider answer kept in the delivery log. */
const MAX_PROVIDER_ANSWER = 1000;

interface NotificationRow {
  id: string;
  event_id: string;
  event_type: string;
  appeal_id: string;
  tracking_number: string | null;
  recipient_kind: Notification['recipientKind'];
  recipient: string;
  channel: NotificationChannel;
  template: string;
  language: string;
  status: Notification['status'];
  content: Notification['content'];
  attempts: number;
  next_attempt_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function toNotification(row: NotificationRow): Notification {
  return Object.assign(new Notification(), {
    id: String(row.id),
    eventId: row.event_id,
    eventType: row.event_type,
    appealId: row.appeal_id,
    trackingNumber: row.tracking_number,
    recipientKind: row.recipient_kind,
    recipient: row.recipient,
    channel: row.channel,
    template: row.template,
    language: row.language,
    status: row.status,
    content: row.content,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
    sentAt: row.sent_at,
    failedAt: row.failed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** The SQL of delivery: claiming due messages, finding abandoned claims, and recording each attempt. */
@Injectable()
export class DeliveryStore {
  /**
   * Takes up to `limit` due messages of one channel for this dispatcher until the lease ends, counting the
   * attempt now: a crash mid-send still counts it. SKIP LOCKED lets replicas share the work without waiting.
   */
  async claim(
    manager: EntityManager,
    channel: NotificationChannel,
    limit: number,
    leaseMs: number,
  ): Promise<Notification[]> {
    const [rows] = await manager.query<[NotificationRow[], number]>(
      `UPDATE notification.notification AS n
          SET status = 'sending', attempts = n.attempts + 1, lease_until = now() + $3 * interval '1 millisecond',
              updated_at = now()
        WHERE n.id IN (SELECT due.id FROM notification.notification AS due
                        WHERE due.status = 'pending' AND due.channel = $1 AND due.next_attempt_at <= now()
                          -- A webhook of a subscription disabled meanwhile waits for its redelivery.
                          AND NOT EXISTS (SELECT 1 FROM notification.webhook_subscription AS s
                                           WHERE due.channel = 'webhook' AND s.id::text = due.recipient
                                             AND s.status = 'disabled')
                        ORDER BY due.next_attempt_at
                        LIMIT $2
                        FOR UPDATE SKIP LOCKED)
       RETURNING n.*`,
      [channel, limit, leaseMs],
    );
    return rows.map(toNotification);
  }

  /** Claims whose dispatcher stopped mid-send (its lease ran out), locked for the caller's transaction. */
  async abandoned(manager: EntityManager, limit: number): Promise<Notification[]> {
    const rows = await manager.query<NotificationRow[]>(
      `SELECT * FROM notification.notification
        WHERE status = 'sending' AND lease_until < now()
        ORDER BY lease_until
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toNotification);
  }

  /**
   * The attempt in the delivery log and the message's new state, in the caller's transaction. False when the
   * claim was no longer this dispatcher's (its lease ran out and the message was taken over meanwhile).
   */
  async record(
    manager: EntityManager,
    notification: Notification,
    attempt: { startedAt: Date; finishedAt: Date; outcome: SendOutcome },
    verdict: AttemptVerdict,
  ): Promise<boolean> {
    const [updated] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE notification.notification
          SET status = $2, next_attempt_at = COALESCE($3, next_attempt_at), lease_until = NULL,
              last_error = $4, sent_at = $5, failed_at = $6, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $7
       RETURNING id`,
      [
        notification.id,
        verdict.kind === 'retry' ? 'pending' : verdict.kind,
        verdict.kind === 'retry' ? verdict.nextAttemptAt : null,
        verdict.kind === 'failed' ? verdict.reason : verdict.kind === 'retry' ? attempt.outcome.status : null,
        verdict.kind === 'sent' ? attempt.finishedAt : null,
        verdict.kind === 'failed' ? attempt.finishedAt : null,
        notification.attempts,
      ],
    );
    if (updated.length === 0) return false;
    // Numbered across redeliveries (which start the attempt count again), under the row lock just taken.
    await manager.query(
      `INSERT INTO notification.delivery_attempt
         (notification_id, attempt, channel, started_at, finished_at, outcome, provider_answer)
       SELECT $1, COALESCE(MAX(attempt), 0) + 1, $2, $3, $4, $5, $6
         FROM notification.delivery_attempt WHERE notification_id = $1`,
      [
        notification.id,
        notification.channel,
        attempt.startedAt,
        attempt.finishedAt,
        attempt.outcome.status,
        attempt.outcome.providerAnswer.slice(0, MAX_PROVIDER_ANSWER),
      ],
    );
    return true;
  }
}
