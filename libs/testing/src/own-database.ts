import { describeDatabaseUrl, dropDatabase, ensureDatabase, withDatabase } from '@app/persistence';
import { testDatabaseUrl } from './test-environment';

/**
 * A database of one test file's own, next to the run's test database: for tests that change shared data (a
 * service's levels or policies) or fill a table with thousands of rows, so that other files see none of it.
 */
export class OwnTestDatabase {
  readonly url: string;

  constructor(suffix: string) {
    const base = testDatabaseUrl();
    this.url = withDatabase(base, `${describeDatabaseUrl(base).database}_${suffix}`);
  }

  /** Created empty, whatever an interrupted run left. */
  async create(): Promise<string> {
    await dropDatabase(this.url);
    await ensureDatabase(this.url);
    return this.url;
  }

  async drop(): Promise<void> {
    await dropDatabase(this.url);
  }
}
