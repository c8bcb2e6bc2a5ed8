import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Deadline policy per kind of appeal, as data: legal figures in working days, drills as ISO durations. */
@Entity({ name: 'deadline_policy' })
export class DeadlinePolicyRow {
  @PrimaryColumn('text')
  kind!: string;

  @Column({ name: 'due_working_days', type: 'int', nullable: true })
  dueWorkingDays!: number | null;

  @Column({ name: 'due_duration', type: 'text', nullable: true })
  dueDuration!: string | null;

  @Column({ name: 'warn_working_days_before', type: 'int', nullable: true })
  warnWorkingDaysBefore!: number | null;

  @Column({ name: 'warn_duration_before', type: 'text', nullable: true })
  warnDurationBefore!: string | null;
}
