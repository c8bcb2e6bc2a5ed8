import type { Kafka } from 'kafkajs';

/** The Kafka client as other libs see it (the `KAFKA` provider), without importing kafkajs themselves. */
export type KafkaClient = Kafka;

export type KafkaProbeResult = { up: true; brokers: number } | { up: false; reason: string };

/**
 * Readiness of Kafka: an admin client connects and describes the cluster. kafkajs retries a refused
 * connection for many seconds, so the probe gives up after `timeoutMs` and says so; the admin is always
 * disconnected, also after a timeout.
 */
export async function probeKafka(kafka: Kafka, timeoutMs = 2000): Promise<KafkaProbeResult> {
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<KafkaProbeResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ up: false, reason: `Kafka did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const probe = (async (): Promise<KafkaProbeResult> => {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return { up: true, brokers: cluster.brokers.length };
  })().catch((error: unknown): KafkaProbeResult => ({ up: false, reason: reasonOf(error) }));
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
