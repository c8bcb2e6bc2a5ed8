import { newRunTag } from '../harness/appeal-publisher';
import type { ThroughputResult } from '../report/results';
import { checkStages, publishThroughSystem, warmUpSystem, type SystemRun } from './system-stages';

/** A late copy would show within this after the last appeal went through. */
const SETTLE_MS = 2_000;

/**
 * After a warm-up, N appeals published to the intake topic; the clock stops when the N-th has had its
 * deadline-assigned step recorded by notification (registered, routed, deadlined, notified). Then each stage
 * is counted: exactly N, none doubled.
 */
export async function measureThroughput(
  run: SystemRun,
  count: number,
  warmUp: number,
): Promise<ThroughputResult> {
  await warmUpSystem(run, warmUp);
  const tag = newRunTag('tp');
  run.log(`throughput: ${count} appeals through all services...`);
  const started = performance.now();
  const finished = await publishThroughSystem(run, tag, count, 'appeals through all services');
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { count, seconds: (finished - started) / 1000, stages: await checkStages(run.db, tag, count) };
}
