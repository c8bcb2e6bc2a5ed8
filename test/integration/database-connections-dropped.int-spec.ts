import { waitUntil } from '@app/local-infra';
import { testKafka } from '@app/testing';
import { LoadPipeline } from '../support/load-pipeline';

/**
 * PostgreSQL drops every connection of the consumer and the outbox relay, again and again, in the middle
 * of the load (what a failover or an administrator's pg_terminate_backend does). Transactions cut off
 * mid-way must be retried as transient failures, not dead-lettered, and the run must end with every event
 * applied once and every outcome published.
 */
jest.setTimeout(180_000);

const TOTAL = 1200;
const DISRUPTIONS = 4;
let pipeline: LoadPipeline;

beforeAll(async () => {
  pipeline = await LoadPipeline.start({
    kafka: testKafka('dropped-connections-it'),
    name: 'dropped-connections',
    handlerDelayMs: 5,
    retry: { initialDelayMs: 50, maxDelayMs: 500 },
  });
});

afterAll(async () => {
  await pipeline?.stop();
});

it('applies every event once and publishes every outcome while PostgreSQL drops its connections mid-load', async () => {
  const events = await pipeline.publish(TOTAL);
  await waitUntil('the first events applied', async () => (await pipeline.effectRows()) > 0, {
    timeoutMs: 60_000,
  });
  const dropped: number[] = [];
  for (let round = 0; round < DISRUPTIONS; round += 1) {
    dropped.push(await pipeline.dropDatabaseConnections());
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const appliedDuringDisruption = await pipeline.effectRows();

  expect(await pipeline.settle(events)).toEqual(LoadPipeline.settledWithoutLossOrDoubles(events));
  // The disruption hit open connections and cut off transactions while work remained; all were retried.
  expect(dropped.filter((connections) => connections > 0).length).toBeGreaterThanOrEqual(2);
  expect(appliedDuringDisruption).toBeLessThan(TOTAL);
  expect(pipeline.retries.length).toBeGreaterThan(0);
  expect(pipeline.retries.filter((retry) => retry.kind !== 'transient')).toEqual([]);
});
