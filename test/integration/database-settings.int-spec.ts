import { createServiceDataSource } from '@app/persistence';
import { testDatabaseUrl } from '@app/testing';
import type { DataSource } from 'typeorm';

/** The timeouts a service is configured with are the ones PostgreSQL applies to each of its sessions. */
jest.setTimeout(30_000);

describe('database settings (real PostgreSQL)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createServiceDataSource({
      url: testDatabaseUrl(),
      schema: 'public',
      entities: [],
      migrations: [],
      applicationName: 'database-settings-int-spec',
      statementTimeoutMs: 1500,
      lockTimeoutMs: 700,
      idleInTransactionTimeoutMs: 45_000,
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('sets the statement, lock and idle-in-transaction timeouts of every session', async () => {
    const [settings] = await dataSource.query<Array<Record<string, string>>>(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(settings).toEqual({ statement: '1500ms', lock: '700ms', idle: '45s' });
  });

  it("asks the server to probe the session's TCP connection, so a vanished client's locks are released", async () => {
    const [keepalives] = await dataSource.query<Array<Record<string, string>>>(
      `SELECT current_setting('tcp_keepalives_idle') AS idle,
              current_setting('tcp_keepalives_interval') AS interval,
              current_setting('tcp_keepalives_count') AS count`,
    );
    expect(keepalives).toEqual({ idle: '10', interval: '5', count: '3' });
  });

  it('cancels a statement that runs longer than the statement timeout, with a transient SQLSTATE', async () => {
    await expect(dataSource.query('SELECT pg_sleep(5)')).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '57014' }),
    });
  });
});
