import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Routes appeals whose place starts with `katoPrefix` (and, when set, of a category and kind) to an organisation. */
@Entity({ name: 'routing_rule' })
export class RoutingRule {
  @PrimaryColumn('text')
  id!: string;

  @Column({ name: 'kato_prefix', type: 'text' })
  katoPrefix!: string;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'text', nullable: true })
  kind!: string | null;

  @Column({ name: 'organization_id', type: 'text' })
  organizationId!: string;
}
