import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export interface StoredCitizen {
  fullName: string;
  iin?: string;
  email?: string;
  phone?: string;
  preferredChannel: string;
}

export interface StoredAttachment {
  name: string;
  mediaType: string;
  sizeBytes: number;
  url: string;
  sha256: string;
}

@Entity({ name: 'appeal' })
@Index('appeal_source_event_uq', ['source', 'sourceEventId'], { unique: true })
export class Appeal {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('appeal_tracking_number_uq', { unique: true })
  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber!: string;

  /** The publishing system; with sourceEventId, the idempotency key of the submission. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'source_event_id', type: 'text' })
  sourceEventId!: string;

  @Column({ name: 'payload_sha256', type: 'text' })
  payloadSha256!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ name: 'region_kato', type: 'text' })
  regionKato!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'text', nullable: true })
  channel!: string | null;

  @Column({ type: 'jsonb' })
  citizen!: StoredCitizen;

  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  attachments!: StoredAttachment[];

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** When the appeal counts as received (the legal term runs from it): see `decideReceivedAt`. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;
}
