import { startLocalKafka, waitUntil, type LocalKafka } from '@app/local-infra';
import { createKafka } from '@app/messaging';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LoadPipeline } from '../support/load-pipeline';

/**
 * The broker goes away in the middle of the load and comes back: a consumer that applies events and an
 * outbox relay that publishes what they cause must end with every event applied once and every
 * resulting event published, none lost. Its own broker, so the shared one is not disturbed.
 */
jest.setTimeout(180_000);

const PORT = 19392;
const TOTAL = 1200;

let dataDir: string;
let broker: LocalKafka | undefined;
let pipeline: LoadPipeline;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'broker-restart-'));
  broker = await startLocalKafka({ port: PORT, dataDir, heapMb: 384 });
  pipeline = await LoadPipeline.start({
    kafka: createKafka({ brokers: broker.brokers, clientId: 'broker-restart-it' }),
    name: 'broker-restart',
    // Slow enough that the load is still running when the broker goes away.
    handlerDelayMs: 5,
  });
});

afterAll(async () => {
  await pipeline?.stop();
  await broker?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('applies every event once and publishes every outcome when the broker restarts mid-load', async () => {
  const events = await pipeline.publish(TOTAL);
  await waitUntil('the first events applied', async () => (await pipeline.effectRows()) > 0, {
    timeoutMs: 60_000,
  });

  await broker?.stop();
  const appliedWhileStopped = await pipeline.effectRows();
  broker = await startLocalKafka({ port: PORT, dataDir, heapMb: 384 });
  expect(appliedWhileStopped).toBeLessThan(TOTAL);

  expect(await pipeline.settle(events)).toEqual(LoadPipeline.settledWithoutLossOrDoubles(events));
});
