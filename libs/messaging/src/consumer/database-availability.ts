import { settledWithin } from '@app/persistence';
import type { DataSource } from 'typeorm';

/**
 * Tells an outage from a failure of one message: after a transient failure the consumer asks whether
 * PostgreSQL answers at all. While it does not, the consumer waits (however long the outage lasts); when it
 * does, the failure was this message's and counts towards its retry cap.
 */
export class DatabaseAvailability {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeoutMs = 2_000,
  ) {}

  answers(): Promise<boolean> {
    const probe = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    return settledWithin(probe, this.timeoutMs);
  }
}
