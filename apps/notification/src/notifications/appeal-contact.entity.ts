import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What notification keeps of one appeal between its events: the citizen's contact from `registered` (so later
 * steps can be told to them), the submitting system, and the body that holds the case.
 */
@Entity({ name: 'appeal_contact' })
export class AppealContact {
  @PrimaryColumn({ name: 'appeal_id', type: 'uuid' })
  appealId!: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'preferred_channel', type: 'text' })
  preferredChannel!: 'email' | 'sms';

  @Column({ type: 'text' })
  language!: string;

  /** The CloudEvent source of the system that submitted the appeal: its webhook subscriptions hear of it. */
  @Column({ type: 'text', nullable: true })
  source!: string | null;

  /** The body that holds the case now; told when the citizen reopens it. */
  @Column({ name: 'holder_organization_id', type: 'text', nullable: true })
  holderOrganizationId!: string | null;
}
