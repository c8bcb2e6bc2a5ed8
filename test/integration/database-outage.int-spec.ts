import { waitUntil } from '@app/local-infra';
import { messagingMetrics } from '@app/messaging';
import { TcpProxy, testDatabaseUrl, testKafka } from '@app/testing';
import { LoadPipeline } from '../support/load-pipeline';

/**
 * PostgreSQL becomes unreachable mid-load for much longer than the consumer's transient-retry cap (the
 * cap is shortened to three attempts of at most half a second; the outage lasts eight seconds). An outage
 * is waited out with the partitions paused, however long it lasts: nothing may be dead-lettered, and
 * everything must be applied once when the database is back.
 */
jest.setTimeout(180_000);

const TOTAL = 600;
const OUTAGE_MS = 8_000;
const RETRY = { maxTransientAttempts: 3, initialDelayMs: 50, maxDelayMs: 500 };
let proxy: TcpProxy;
let pipeline: LoadPipeline;

beforeAll(async () => {
  const direct = new URL(testDatabaseUrl());
  proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
  pipeline = await LoadPipeline.start({
    kafka: testKafka('database-outage-it'),
    name: 'database-outage',
    handlerDelayMs: 5,
    retry: RETRY,
    databaseUrl: proxy.urlFor(testDatabaseUrl()),
  });
});

afterAll(async () => {
  await proxy?.restore();
  await pipeline?.stop();
  await proxy?.stop();
});

async function partitionsWaiting(): Promise<number> {
  const { values } = await messagingMetrics.databaseOutage.get();
  return values.find((value) => value.labels.consumer === pipeline.applicationName)?.value ?? 0;
}

it('waits out an outage longer than the retry cap with its partitions paused, then applies everything once', async () => {
  const events = await pipeline.publish(TOTAL);
  await waitUntil('the first events applied', async () => (await pipeline.effectRows()) > 0, {
    timeoutMs: 60_000,
  });

  await proxy.cut();
  const appliedAtOutage = await pipeline.effectRows();
  await waitUntil('the consumer to pause for the outage', async () => (await partitionsWaiting()) > 0, {
    timeoutMs: 30_000,
  });
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  await proxy.restore();

  expect(await pipeline.settle(events)).toEqual(LoadPipeline.settledWithoutLossOrDoubles(events));
  expect(appliedAtOutage).toBeLessThan(TOTAL);
  // The outage outlasted the cap many times over; what was retried while the database answered was transient.
  expect(OUTAGE_MS).toBeGreaterThan(RETRY.maxTransientAttempts * RETRY.maxDelayMs * 4);
  expect(pipeline.retries.filter((retry) => retry.kind !== 'transient')).toEqual([]);
  expect(await partitionsWaiting()).toBe(0);
});
