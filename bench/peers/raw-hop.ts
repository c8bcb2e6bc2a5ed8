/**
 * The raw single-hop floor, run by the bench as its own process: plain kafkajs, no framework. Per fetched
 * batch: one multi-row INSERT of every message, one produce of one output event per message (acks=all), then
 * the offsets are committed. The least work one hop of "consume, store, publish" can do without losing one.
 */
import { Kafka, logLevel, type EachBatchPayload } from 'kafkajs';
import { Pool } from 'pg';
import {
  PEER_COLUMNS,
  PEER_ENV,
  requiredEnv,
  storedAppeal,
  type PeerOutput,
  type SubmittedEnvelope,
} from './peer-contract';

const COLUMNS = PEER_COLUMNS.map(([, column]) => column);
/** 9 parameters a row: far below PostgreSQL's 65,535 per statement. */
const ROWS_PER_INSERT = 2000;

const kafka = new Kafka({
  clientId: 'bench-raw-hop',
  brokers: requiredEnv(PEER_ENV.brokers).split(','),
  logLevel: logLevel.WARN,
});
const pool = new Pool({ connectionString: requiredEnv(PEER_ENV.databaseUrl), max: 2 });
const table = `${requiredEnv(PEER_ENV.schema)}.appeal`;
const inputTopic = requiredEnv(PEER_ENV.inputTopic);
const outputTopic = requiredEnv(PEER_ENV.outputTopic);
const consumer = kafka.consumer({ groupId: 'bench-raw-hop' });
const producer = kafka.producer();

async function insert(envelopes: SubmittedEnvelope[]): Promise<Array<{ id: string; external_id: string }>> {
  const stored: Array<{ id: string; external_id: string }> = [];
  for (let offset = 0; offset < envelopes.length; offset += ROWS_PER_INSERT) {
    const slice = envelopes.slice(offset, offset + ROWS_PER_INSERT);
    // pg sends the citizen object as JSON.
    const values = slice.flatMap((envelope) => {
      const appeal = storedAppeal(envelope);
      return PEER_COLUMNS.map(([property]) => appeal[property]);
    });
    const rows = slice.map(
      (_, row) => `(${COLUMNS.map((_, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`,
    );
    const result = await pool.query<{ id: string; external_id: string }>(
      `INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')} RETURNING id, external_id`,
      values,
    );
    stored.push(...result.rows);
  }
  return stored;
}

async function handleBatch(payload: EachBatchPayload): Promise<void> {
  const { batch } = payload;
  if (batch.messages.length === 0) return;
  const envelopes = batch.messages.map((message) => JSON.parse(String(message.value)) as SubmittedEnvelope);
  const stored = await insert(envelopes);
  await producer.send({
    topic: outputTopic,
    acks: -1,
    messages: stored.map((row) => {
      const output: PeerOutput = { type: 'bench.appeal-stored', externalId: row.external_id, id: row.id };
      return { key: row.id, value: JSON.stringify(output) };
    }),
  });
  payload.resolveOffset(batch.lastOffset());
  await payload.commitOffsetsIfNecessary();
}

async function main(): Promise<void> {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: inputTopic, fromBeginning: true });
  await consumer.run({ eachBatchAutoResolve: false, autoCommit: true, eachBatch: handleBatch });
  const stop = (): void => {
    void Promise.allSettled([consumer.disconnect(), producer.disconnect(), pool.end()]).then(() =>
      process.exit(0),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`raw hop failed: ${(error as Error).message}`);
  process.exit(1);
});
