import type { LifecycleEventType } from '@app/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type WebhookSubscriptionStatus = 'active' | 'disabled';

/**
 * Where an external system wants to hear about its appeals' events. Scoped to the system's `source` (the
 * token's claim): it hears only of appeals it submitted, and only it sees or changes the subscription.
 */
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscription {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The system's client id when it subscribed (the source is what scopes; this says which credential). */
  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes!: LifecycleEventType[];

  /** `whsec_` + base64 of the HMAC key: kept to sign with, shown only when made or rotated. */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  status!: WebhookSubscriptionStatus;

  @Column({ name: 'consecutive_failures', type: 'integer' })
  consecutiveFailures!: number;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** A code (`failures`, `gone`), never a receiver's words. */
  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
