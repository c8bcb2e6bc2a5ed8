import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One message to one recipient on one channel for one event: the unique index makes it once per
 * (event, recipient, channel). Delivery (SMTP, SMS gateway, webhooks, SSE) comes with the channels;
 * until then a notification stays `pending` in this log.
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

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind!: string;

  @Column({ type: 'text' })
  recipient!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  template!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text' })
  status!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
