import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * watching → warned → escalated (a regional case goes up to the central reception) or overdue (the central
 * reception's own case: nobody above it). Each step happens once, in the transaction that publishes it.
 */
export type WatchState = 'watching' | 'warned' | 'escalated' | 'overdue';

@Entity({ name: 'watched_appeal' })
@Index('watched_appeal_warn_idx', ['warnAt'], { where: `state = 'watching'` })
@Index('watched_appeal_due_idx', ['dueAt'], { where: `state IN ('watching', 'warned')` })
export class WatchedAppeal {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber!: string;

  @Column({ name: 'organization_id', type: 'text' })
  organizationId!: string;

  @Column({ type: 'text' })
  policy!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'warn_at', type: 'timestamptz' })
  warnAt!: Date;

  @Column({ type: 'text' })
  state!: WatchState;

  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true })
  warnedAt!: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;
}
