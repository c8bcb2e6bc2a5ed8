import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The citizen's contact for one appeal, kept from `registered` so later steps can be told to them. */
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
}
