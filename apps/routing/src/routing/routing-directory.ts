import { CachedReferenceData } from '@app/persistence';
import { millisecondsFromEnv } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Organization } from './organization.entity';
import { RoutingRule } from './routing-rule.entity';

export interface Directory {
  rules: RoutingRule[];
  organizations: Map<string, Organization>;
}

/**
 * The organisations and routing rules, read on every decision and changed rarely: a change applies after at
 * most ROUTING_DIRECTORY_CACHE_MS.
 */
@Injectable()
export class RoutingDirectory {
  private readonly cache: CachedReferenceData<Directory>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.cache = new CachedReferenceData(
      async () => ({
        rules: await dataSource.manager.find(RoutingRule),
        organizations: new Map((await dataSource.manager.find(Organization)).map((org) => [org.id, org])),
      }),
      millisecondsFromEnv('ROUTING_DIRECTORY_CACHE_MS', 10_000, 0),
    );
  }

  get(): Promise<Directory> {
    return this.cache.get();
  }
}

/** The citizen reads the name of the body that answers in the language of the appeal. */
export function organizationNameIn(organization: Organization, language: string | null): string {
  if (language === 'kk') return organization.nameKk;
  if (language === 'en') return organization.nameEn;
  return organization.nameRu;
}
