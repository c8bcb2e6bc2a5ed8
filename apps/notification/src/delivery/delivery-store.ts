import type { NotificationChannel } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SendOutcome } from '../channels/delivery-channel';
import { Notification } from '../notifications/notification.entity';
import type { AttemptVerdict } from './attempt-listener';

/** One attempt as it ended, and what follows it. */
export interface RecordedAttempt {
  notification: Notification;
  startedAt: Date;
  finishedAt: Date;
  outcome: SendOutcome;
  verdict: AttemptVerdict;
}

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
   * Many attempts' log entries and their messages' new states, in the caller's transaction and a fixed number
   * of statements (one commit for a whole batch of sends). Returns the ids recorded: an attempt whose claim
   * was no longer this dispatcher's (its lease ran out and the message was taken over meanwhile) is left out.
   */
  async record(manager: EntityManager, attempts: RecordedAttempt[]): Promise<Set<string>> {
    if (attempts.length === 0) return new Set();
    const column = <T>(pick: (attempt: RecordedAttempt) => T): T[] => attempts.map(pick);
    const [updated] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE notification.notification AS n
          SET status = v.status, next_attempt_at = COALESCE(v.next_attempt_at, n.next_attempt_at),
              lease_until = NULL, last_error = v.last_error, sent_at = v.sent_at, failed_at = v.failed_at,
              updated_at = now()
         FROM unnest($1::bigint[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::timestamptz[],
                     $7::timestamptz[])
              AS v(id, attempts, status, next_attempt_at, last_error, sent_at, failed_at)
        WHERE n.id = v.id AND n.status = 'sending' AND n.attempts = v.attempts
       RETURNING n.id`,
      [
        column((a) => a.notification.id),
        column((a) => a.notification.attempts),
        column((a) => (a.verdict.kind === 'retry' ? 'pending' : a.verdict.kind)),
        column((a) => (a.verdict.kind === 'retry' ? a.verdict.nextAttemptAt : null)),
        column((a) =>
          a.verdict.kind === 'failed'
            ? a.verdict.reason
            : a.verdict.kind === 'retry'
              ? a.outcome.status
              : null,
        ),
        column((a) => (a.verdict.kind === 'sent' ? a.finishedAt : null)),
        column((a) => (a.verdict.kind === 'failed' ? a.finishedAt : null)),
      ],
    );
    const recorded = new Set(updated.map((row) => String(row.id)));
    const logged = attempts.filter((a) => recorded.has(a.notification.id));
    if (logged.length === 0) return recorded;
    const entries = (pick: (attempt: RecordedAttempt) => unknown): unknown[] => logged.map(pick);
    // Numbered across redeliveries (which start the attempt count again), under the row locks just taken.
    await manager.query(
      `INSERT INTO notification.delivery_attempt
         (notification_id, attempt, channel, started_at, finished_at, outcome, provider_answer)
       SELECT v.id,
              COALESCE((SELECT MAX(a.attempt) FROM notification.delivery_attempt AS a WHERE a.notification_id = v.id), 0) + 1,
              v.channel, v.started_at, v.finished_at, v.outcome, v.answer
         FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[])
              AS v(id, channel, started_at, finished_at, outcome, answer)`,
      [
        entries((a) => a.notification.id),
        entries((a) => a.notification.channel),
        entries((a) => a.startedAt),
        entries((a) => a.finishedAt),
        entries((a) => a.outcome.status),
        entries((a) => a.outcome.providerAnswer.slice(0, MAX_PROVIDER_ANSWER)),
      ],
    );
    return recorded;
  }
}
