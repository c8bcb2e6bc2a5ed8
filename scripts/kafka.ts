/**
 * `npm run kafka`: runs the local single-node Kafka broker in the foreground until Ctrl+C / SIGTERM.
 * Data lives in <repo>/.local/kafka/data (or KAFKA_DATA_DIR) and survives restarts; port from KAFKA_PORT.
 */
import path from 'node:path';
import {
  findRepoRoot,
  signalExitCode,
  startLocalKafka,
  watchTermination,
  type LocalKafka,
} from '@app/local-infra';

async function main(): Promise<number> {
  // Before the broker starts, so a signal during start-up still stops whatever was started.
  const termination = watchTermination();
  const dataDir = process.env.KAFKA_DATA_DIR ?? path.join(findRepoRoot(__dirname), '.local', 'kafka', 'data');
  let kafka: LocalKafka;
  try {
    kafka = await startLocalKafka({
      dataDir,
      dataDirVariable: 'KAFKA_DATA_DIR',
      signal: termination.signal,
      log: (line) => console.log(line),
    });
  } catch (error) {
    if (!termination.signal.aborted) throw error;
    const signal = await termination.received;
    console.log(`${signal} received during start-up, Kafka broker stopped`);
    return signalExitCode(signal);
  }
  console.log(`Kafka broker ready at ${kafka.brokers.join(',')}`);

  console.log(`${await termination.received} received, stopping Kafka broker...`);
  await kafka.stop();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
