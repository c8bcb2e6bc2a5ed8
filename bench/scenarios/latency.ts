import { EventTypes, Topics } from '@app/contracts';
import { newRunTag } from '../harness/appeal-publisher';
import { waitWithProgress } from '../harness/progress';
import { lifecycleEventId } from '../harness/record-ids';
import { TopicWatcher } from '../harness/topic-watcher';
import { summarizeLatencies } from '../report/percentiles';
import type { LatencyResult } from '../report/results';
import { appealIdsOfRun, firstNotifications, warmUpSystem, type SystemRun } from './system-stages';

export interface LatencyPlan {
  ratePerSecond: number;
  seconds: number;
  warmUp: number;
}

/**
 * Appeals at a fixed rate, each with the time its publish began. publish → routed: until the routed event
 * became visible to a plain consumer of appeals.events.v1 (what any downstream system waits for, not a column
 * the service wrote before its outbox relay published). publish → first notification: until the first
 * notification row of the appeal was created (notification.notification.created_at; one machine, one clock).
 */
export async function measureLatency(
  run: SystemRun,
  brokers: string[],
  plan: LatencyPlan,
): Promise<LatencyResult> {
  await warmUpSystem(run, plan.warmUp);
  const tag = newRunTag('lat');
  const routed = new TopicWatcher(brokers, Topics.events, lifecycleEventId(EventTypes.routed, 'appealId'));
  await routed.start();
  routed.countOnly(''); // appeal ids carry no run tag: ours are picked out below
  try {
    const publishedAt = new Map<string, number>();
    run.log(`latency: ${plan.ratePerSecond} appeals/s for ${plan.seconds} s...`);
    const reporter = setInterval(
      () => run.log(`  ${publishedAt.size} published, ${routed.distinct} routed`),
      5_000,
    );
    const published = await run.publisher
      .publishAtRate(
        Topics.intake,
        tag,
        { perSecond: plan.ratePerSecond, seconds: plan.seconds },
        (from, count, at) => {
          for (let index = from; index < from + count; index += 1) publishedAt.set(`${tag}-${index}`, at);
        },
        run.signal,
      )
      .finally(() => clearInterval(reporter));
    await waitWithProgress({
      what: 'routed',
      total: published,
      done: () => routed.distinct,
      log: run.log,
      signal: run.signal,
    });
    let notified = new Map<string, number>();
    await waitWithProgress({
      what: 'with a first notification',
      total: published,
      done: async () => (notified = await firstNotifications(run.db, tag)).size,
      log: run.log,
      signal: run.signal,
    });
    const externalIds = await appealIdsOfRun(run.db, tag);
    const toRouted = [...routed.firstSeenAt].flatMap(([appealId, at]) => {
      const sentAt = publishedAt.get(externalIds.get(appealId) ?? '');
      return sentAt === undefined ? [] : [at - sentAt];
    });
    const toNotification = [...notified].flatMap(([externalId, at]) => {
      const sentAt = publishedAt.get(externalId);
      return sentAt === undefined ? [] : [at - sentAt];
    });
    return {
      ratePerSecond: plan.ratePerSecond,
      seconds: plan.seconds,
      published,
      toRouted: summarizeLatencies(toRouted),
      toFirstNotification: summarizeLatencies(toNotification),
    };
  } finally {
    await routed.stop();
  }
}
