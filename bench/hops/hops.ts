/** The three hops measured side by side: the raw floor, the stock NestJS approach, our intake service. */
import { EventTypes, Topics } from '@app/contracts';
import type { AppealRoutingSystem } from '@app/local-infra';
import { createKafka } from '@app/messaging';
import { Client } from 'pg';
import { PeerProcess } from '../harness/peer-process';
import { lifecycleEventId, peerOutputId } from '../harness/record-ids';
import { PEER_ENV, PEER_PARTITIONS, peerTableDdl } from '../peers/peer-contract';
import type { HopUnderTest } from './measure-hop';

export interface HopContext {
  repoRoot: string;
  brokers: string[];
  databaseUrl: string;
  logDir: string;
}

interface PeerSpec {
  name: string;
  /** Built file under dist/. */
  entry: string;
  /** Its schema, topics and consumer group carry this name. */
  id: string;
}

export const RAW_HOP: PeerSpec = { name: 'raw hop', entry: 'bench/peers/raw-hop.js', id: 'raw_hop' };
export const STOCK_HOP: PeerSpec = {
  name: 'stock NestJS hop',
  entry: 'bench/peers/stock-nestjs/main.js',
  id: 'stock_nestjs',
};

/** Fresh topics (6 partitions, as ours) and a fresh table, so each run starts from nothing. */
async function preparePeer(spec: PeerSpec, context: HopContext, topics: string[]): Promise<void> {
  const admin = createKafka({ brokers: context.brokers, clientId: 'bench-setup' }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const stale = topics.filter((topic) => existing.has(topic));
    if (stale.length > 0) await admin.deleteTopics({ topics: stale });
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic, numPartitions: PEER_PARTITIONS, replicationFactor: -1 })),
    });
  } finally {
    await admin.disconnect();
  }
  const db = new Client({ connectionString: context.databaseUrl });
  await db.connect();
  try {
    for (const statement of peerTableDdl(`bench_${spec.id}`)) await db.query(statement);
  } finally {
    await db.end();
  }
}

/** Peers running now, so that an interrupted run stops them too. */
const runningPeers = new Set<PeerProcess>();

export async function stopRunningPeers(): Promise<void> {
  await Promise.all([...runningPeers].map((peer) => peer.stop()));
  runningPeers.clear();
}

/** A peer of bench/peers as a hop: its own process, topics and table. */
export function peerHop(spec: PeerSpec, context: HopContext): HopUnderTest {
  const inputTopic = `bench.${spec.id}.in`;
  const outputTopic = `bench.${spec.id}.out`;
  const peer = new PeerProcess(
    spec.name,
    spec.entry,
    {
      [PEER_ENV.brokers]: context.brokers.join(','),
      [PEER_ENV.databaseUrl]: context.databaseUrl,
      [PEER_ENV.inputTopic]: inputTopic,
      [PEER_ENV.outputTopic]: outputTopic,
      [PEER_ENV.schema]: `bench_${spec.id}`,
    },
    context.logDir,
  );
  return {
    name: spec.name,
    inputTopic,
    outputTopic,
    outputId: peerOutputId,
    prepare: () => preparePeer(spec, context, [inputTopic, outputTopic]),
    start: async () => {
      runningPeers.add(peer);
      peer.start(context.repoRoot);
    },
    stop: async () => {
      await peer.stop();
      runningPeers.delete(peer);
    },
  };
}

/** The real intake service alone: submitted appeals in, `registered` events out through its outbox relay. */
export function intakeHop(system: AppealRoutingSystem): HopUnderTest {
  const intake = system.service('intake');
  return {
    name: 'our intake hop',
    inputTopic: Topics.intake,
    outputTopic: Topics.events,
    outputId: lifecycleEventId(EventTypes.registered, 'externalId'),
    prepare: async () => undefined, // its topics exist, its tables are migrated by intake itself
    start: async () => {
      intake.start();
      await system.waitReady('intake');
    },
    stop: () => intake.stop(),
  };
}
