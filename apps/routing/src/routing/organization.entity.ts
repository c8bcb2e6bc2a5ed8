import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OrganizationKind = 'central-reception' | 'regional-akimat' | 'department';

@Entity({ name: 'organization' })
export class Organization {
  @PrimaryColumn('text')
  id!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Column({ name: 'name_kk', type: 'text' })
  nameKk!: string;

  @Column({ name: 'name_ru', type: 'text' })
  nameRu!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  /** A body taken out of service keeps its history but receives no transfers. */
  @Column({ type: 'boolean' })
  active!: boolean;
}
