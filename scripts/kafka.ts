/**
 * `npm run kafka`: runs the local single-node Kafka broker in the foreground until Ctrl+C / SIGTERM.
 * Data lives in <repo>/.local/kafka/data (or KAFKA_DATA_DIR) and survives restarts; port from KAFKA_PORT.
 */
import path from 'node:path';
import { findRepoRoot, startLocalKafka } from '@app/local-infra';

/**
 * Handlers are installed before the broker starts so a signal during start-up still ends in a clean
 * stop, and they stay installed so a second Ctrl+C cannot interrupt the controlled shutdown.
 */
function nextTerminationSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.on('SIGINT', resolve);
    process.on('SIGTERM', resolve);
  });
}

async function main(): Promise<void> {
  const signal = nextTerminationSignal();
  const dataDir = process.env.KAFKA_DATA_DIR ?? path.join(findRepoRoot(__dirname), '.local', 'kafka', 'data');
  const kafka = await startLocalKafka({ dataDir, log: (line) => console.log(line) });
  console.log(`Kafka broker ready at ${kafka.brokers.join(',')}`);

  console.log(`${await signal} received, stopping Kafka broker...`);
  await kafka.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
