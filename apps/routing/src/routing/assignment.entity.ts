import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which organisation answers an appeal, and by which rule it was chosen. */
@Entity({ name: 'assignment' })
export class Assignment {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber!: string;

  @Column({ name: 'organization_id', type: 'text' })
  organizationId!: string;

  @Column({ name: 'rule_id', type: 'text', nullable: true })
  ruleId!: string | null;

  @Column({ name: 'is_fallback', type: 'boolean' })
  isFallback!: boolean;

  @Column({ name: 'routed_at', type: 'timestamptz' })
  routedAt!: Date;
}
