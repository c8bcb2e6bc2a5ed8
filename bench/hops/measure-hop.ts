import type { CountCheck, RateResult } from '../report/results';
import type { AppealPublisher } from '../harness/appeal-publisher';
import { newRunTag } from '../harness/appeal-publisher';
import { waitWithProgress } from '../harness/progress';
import { TopicWatcher, type RecordIdOf } from '../harness/topic-watcher';

/** One "consume, store, publish" hop as the bench drives it: appeals in on one topic, one event each out. */
export interface HopUnderTest {
  name: string;
  inputTopic: string;
  outputTopic: string;
  /** The external id an output record stands for (undefined: not an output of this hop). */
  outputId: RecordIdOf;
  /** Its topics and table, before anything reads them. */
  prepare(): Promise<void>;
  /** Starts the hop's process; resolves once it answers (its group may still be joining). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface HopRun {
  brokers: string[];
  publisher: AppealPublisher;
  count: number;
  warmUp: number;
  log: (line: string) => void;
  signal: AbortSignal;
}

/** A late copy would come within this after the last first copy; counted before the verdict. */
const SETTLE_MS = 2_000;

/**
 * Warm-up (the group joins, the first `warmUp` appeals go through), then the clock runs from the first of
 * N publishes until the N-th distinct output is visible to a plain consumer; then lost and doubled are counted.
 */
export async function measureHop(hop: HopUnderTest, run: HopRun): Promise<RateResult & CountCheck> {
  const { publisher, count, log, signal } = run;
  await hop.prepare();
  const watcher = new TopicWatcher(run.brokers, hop.outputTopic, hop.outputId);
  await watcher.start();
  try {
    await hop.start();
    const warmTag = newRunTag('warm');
    watcher.countOnly(warmTag);
    log(`${hop.name}: warm-up with ${run.warmUp} appeals...`);
    await publisher.publish(hop.inputTopic, warmTag, run.warmUp);
    await waitWithProgress({
      what: 'warm-up outputs',
      total: run.warmUp,
      done: () => watcher.distinct,
      log,
      signal,
    });
    const tag = newRunTag('hop');
    watcher.countOnly(tag);
    log(`${hop.name}: ${count} appeals...`);
    const started = performance.now();
    // Published while the hop works, as an external system would; progress shows from the first second.
    const publishing = publisher.publish(hop.inputTopic, tag, count);
    const finished = await Promise.all([
      waitWithProgress({
        what: `through ${hop.name}`,
        total: count,
        done: () => watcher.distinct,
        log,
        signal,
      }),
      publishing,
    ]).then(([at]) => at);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return {
      count,
      seconds: (finished - started) / 1000,
      expected: count,
      lost: count - watcher.distinct,
      doubled: watcher.records - watcher.distinct,
    };
  } finally {
    await hop.stop();
    await watcher.stop();
  }
}
