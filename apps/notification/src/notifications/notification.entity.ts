import type { NotificationChannel, RecipientKind } from '@app/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RenderedContent } from '../channels/delivery-channel';

/**
 * - `pending`: waits for `next_attempt_at` (a retry, or SMS quiet hours);
 * - `sending`: claimed by a dispatcher until `lease_until`;
 * - `sent`, `failed`: over (a failed webhook delivery may be redelivered on request);
 * - `held`: for a disabled webhook subscription, until it is redelivered.
 */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held';

/**
 * One message to one recipient on one channel for one event: the unique index makes it once per
 * (event, recipient, channel), whatever is redelivered or restarted.
 */
@Entity({ name: 'notification' })
@Index('notification_once_uq', ['eventId', 'recipient', 'channel'], { unique: true })
export class Notification {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Index('notification_appeal_idx')
  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'tracking_number', type: 'text', nullable: true })
  trackingNumber!: string | null;

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind!: RecipientKind;

  /** An e-mail address or phone number (citizen), an organisation id (staff), a subscription id (system). */
  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  channel!: NotificationChannel;

  @Column({ type: 'text' })
  template!: string;

  /** kk, ru or en; `mul` for an in-app message, which carries every language. */
  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  status!: NotificationStatus;

  /** Null only for rows recorded before delivery existed, all closed as failed. */
  @Column({ type: 'jsonb', nullable: true })
  content!: RenderedContent | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** A code (`rejected`, `exhausted`, `outcome-unknown`…), never a provider's words. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
