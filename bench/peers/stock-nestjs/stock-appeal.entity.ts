import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The table the bench creates (peerTableDdl); the schema comes from the environment at start. */
@Entity({ name: 'appeal' })
export class StockAppeal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id' })
  eventId!: string;

  @Column({ name: 'external_id' })
  externalId!: string;

  @Column()
  kind!: string;

  @Column()
  category!: string;

  @Column({ name: 'region_kato' })
  regionKato!: string;

  @Column()
  subject!: string;

  @Column()
  text!: string;

  @Column()
  language!: string;

  @Column({ type: 'jsonb' })
  citizen!: object;
}
