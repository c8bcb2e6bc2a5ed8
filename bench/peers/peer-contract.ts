import type { SubmittedAppealData } from '@app/contracts';

/**
 * What the bench and its two measuring peers (raw-hop, stock-nestjs) agree on: the environment a peer reads,
 * its topics, and the table it writes. Both peers store the same columns of the same submitted appeal, so
 * they differ only in how they do it.
 */
export const PEER_ENV = {
  brokers: 'BENCH_PEER_BROKERS',
  databaseUrl: 'BENCH_PEER_DATABASE_URL',
  inputTopic: 'BENCH_PEER_INPUT_TOPIC',
  outputTopic: 'BENCH_PEER_OUTPUT_TOPIC',
  schema: 'BENCH_PEER_SCHEMA',
} as const;

export const PEER_PARTITIONS = 6;

/** The output event of a peer: one per input message, naming the appeal it stored. */
export interface PeerOutput {
  type: 'bench.appeal-stored';
  externalId: string;
  id: string;
}

/** A submitted appeal's CloudEvent as a peer reads it (the bench publishes valid ones). */
export interface SubmittedEnvelope {
  id: string;
  data: SubmittedAppealData;
}

/** What a peer stores of one appeal, by the entity's property names. */
export type StoredAppeal = { eventId: string } & Pick<
  SubmittedAppealData,
  'externalId' | 'kind' | 'category' | 'regionKato' | 'subject' | 'text' | 'language' | 'citizen'
>;

/** Each stored property's column and SQL type, in the order of the table. */
export const PEER_COLUMNS: ReadonlyArray<[keyof StoredAppeal, string, string]> = [
  ['eventId', 'event_id', 'text'],
  ['externalId', 'external_id', 'text'],
  ['kind', 'kind', 'text'],
  ['category', 'category', 'text'],
  ['regionKato', 'region_kato', 'text'],
  ['subject', 'subject', 'text'],
  ['text', 'text', 'text'],
  ['language', 'language', 'text'],
  ['citizen', 'citizen', 'jsonb'],
];

export function storedAppeal({ id, data }: SubmittedEnvelope): StoredAppeal {
  const { externalId, kind, category, regionKato, subject, text, language, citizen } = data;
  return { eventId: id, externalId, kind, category, regionKato, subject, text, language, citizen };
}

/** Created by the bench before a peer starts (a peer has no migrations of its own). */
export function peerTableDdl(schema: string): string[] {
  const columns = PEER_COLUMNS.map(([, column, type]) => `${column} ${type} NOT NULL`);
  return [
    `DROP SCHEMA IF EXISTS ${schema} CASCADE`,
    `CREATE SCHEMA ${schema}`,
    `CREATE TABLE ${schema}.appeal (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), ${columns.join(', ')},
       received_at timestamptz NOT NULL DEFAULT now())`,
  ];
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the bench starts this peer`);
  return value;
}
