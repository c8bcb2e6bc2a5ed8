import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One step of an appeal's public timeline: what a citizen sees by tracking number (no personal data). */
@Entity({ name: 'appeal_status_entry' })
@Index('appeal_status_entry_appeal_idx', ['appealId', 'occurredAt'])
export class StatusEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Index('appeal_status_entry_event_uq', { unique: true })
  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  step!: string;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  details!: Record<string, string>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
