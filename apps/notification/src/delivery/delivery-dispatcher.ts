import { NotificationChannel } from '@app/contracts';
import { describeFailure, OutboxWriter } from '@app/messaging';
import { PollingLoop } from '@app/service-kit';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ChannelRegistry } from '../channels/channel-registry';
import type { DeliveryChannel, SendOutcome } from '../channels/delivery-channel';
import type { Notification } from '../notifications/notification.entity';
import { ATTEMPT_LISTENERS, type AttemptListener, type AttemptVerdict } from './attempt-listener';
import { decideAfterAttempt } from './attempt-verdicts';
import { deliveryMetrics } from './delivery-metrics';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings';
import { DeliveryStore, type RecordedAttempt } from './delivery-store';
import { outcomeEvent } from './outcome-events';

/** How many abandoned claims one pass takes over. */
const ABANDONED_BATCH = 100;
/** Attempts recorded in one transaction at most. */
const RECORD_BATCH = 200;
/** Tries at recording attempts' outcomes, 0.5 s apart and doubling: about 15 s, well within a lease. */
const RECORD_ATTEMPTS = 5;
const RECORD_BACKOFF_MS = 500;

/**
 * Sends what is due. A pending message is a row in PostgreSQL, claimed per channel up to that channel's free
 * slots, so a slow provider only ever fills its own slots: the consumer, which only records rows, and the other
 * channels go on. Attempts end in transactions of as many as ended meanwhile: the delivery log, the messages'
 * states, the listeners (webhook health) and, for those that are over, the outcome events in the outbox.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(DeliveryDispatcher.name);
  private readonly inFlight = new Map<NotificationChannel, Set<Promise<void>>>();
  private readonly loop: PollingLoop;
  /** Attempts that ended and wait to be recorded; each send waits for its own. */
  private readonly finished: Array<RecordedAttempt & { done: () => void }> = [];
  private flushing?: Promise<void>;
  private lastTakeOver = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly channels: ChannelRegistry,
    private readonly store: DeliveryStore,
    private readonly outbox: OutboxWriter,
    @Inject(ATTEMPT_LISTENERS) private readonly listeners: AttemptListener[],
  ) {
    for (const channel of Object.values(NotificationChannel)) this.inFlight.set(channel, new Set());
    this.loop = new PollingLoop(
      async () => (await this.pass()) > 0,
      settings.pollMs,
      (error) => this.log.warn({ msg: 'delivery pass failed', error: describeFailure(error) }),
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Stops claiming, then lets the sends in flight finish (each is bounded by the send timeout). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await Promise.all([...this.inFlight.values()].flatMap((sends) => [...sends]));
  }

  /** One pass: take over abandoned claims, then fill every channel's free slots; returns how many sends began. */
  async pass(now = new Date()): Promise<number> {
    // Leases last a minute or more: looking for expired ones a few times per lease is soon enough.
    if (now.getTime() - this.lastTakeOver >= this.settings.leaseMs / 4) {
      this.lastTakeOver = now.getTime();
      await this.takeOverAbandoned();
    }
    let started = 0;
    for (const channel of Object.values(NotificationChannel)) started += await this.fill(channel, now);
    return started;
  }

  private async fill(channel: NotificationChannel, now: Date): Promise<number> {
    const adapter = this.channels.adapterFor(channel);
    // Not configured here: its messages wait, pending, until it is.
    if (!adapter) return 0;
    if (channel === NotificationChannel.sms && this.settings.smsQuietHours?.isQuiet(now)) return 0;
    const sends = this.inFlight.get(channel)!;
    const concurrency = this.settings.channels[channel].concurrency;
    const free = concurrency - sends.size;
    // Claims come in batches: a claim per freed slot would cost a statement per message.
    if (free <= 0 || (sends.size > 0 && free < Math.ceil(concurrency / 2))) return 0;
    const claimed = await this.store.claim(this.dataSource.manager, channel, free, this.settings.leaseMs);
    for (const notification of claimed) {
      const send: Promise<void> = this.deliver(adapter, notification).finally(() => {
        sends.delete(send);
        // A slot is free: the next pass need not wait for the poll.
        this.loop.nudge();
      });
      sends.add(send);
    }
    return claimed.length;
  }

  private async deliver(adapter: DeliveryChannel, notification: Notification): Promise<void> {
    const startedAt = new Date();
    const outcome = await this.attempt(adapter, notification);
    const finishedAt = new Date();
    deliveryMetrics.sendSeconds.observe(
      { channel: adapter.channel },
      (finishedAt.getTime() - startedAt.getTime()) / 1000,
    );
    const verdict = this.verdict(notification, outcome, adapter.deduplicates, finishedAt);
    await new Promise<void>((done) => {
      this.finished.push({ notification, startedAt, finishedAt, outcome, verdict, done });
      this.flushSoon();
    });
  }

  private async attempt(adapter: DeliveryChannel, notification: Notification): Promise<SendOutcome> {
    const signal = AbortSignal.timeout(this.settings.sendTimeoutMs);
    try {
      return await adapter.send(
        {
          notificationId: notification.id,
          recipient: notification.recipient,
          content: notification.content!,
          attempt: notification.attempts,
        },
        signal,
      );
    } catch (error) {
      // Adapters answer every provider failure with an outcome; a throw is a fault of ours mid-send.
      this.log.error({
        msg: 'channel adapter threw',
        channel: adapter.channel,
        error: describeFailure(error),
      });
      return { status: 'unknown', providerAnswer: `adapter error: ${(error as Error)?.name ?? 'unknown'}` };
    }
  }

  private verdict(
    notification: Notification,
    outcome: SendOutcome,
    deduplicates: boolean,
    now: Date,
  ): AttemptVerdict {
    return decideAfterAttempt(
      {
        outcome,
        attempts: notification.attempts,
        maxAttempts: this.settings.channels[notification.channel].maxAttempts,
        deduplicates,
        now,
        quietHours:
          notification.channel === NotificationChannel.sms ? this.settings.smsQuietHours : undefined,
      },
      { initialMs: this.settings.retryInitialMs, maxMs: this.settings.retryMaxMs },
    );
  }

  /**
   * Records finished attempts in batches, one transaction (one commit) for all that finished meanwhile: a
   * commit per e-mail would bound delivery by the disk's flushes. One flush runs at a time.
   */
  private flushSoon(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      while (this.finished.length > 0) {
        const batch = this.finished.splice(0, RECORD_BATCH);
        await this.recordWithRetries(batch);
        for (const attempt of batch) attempt.done();
      }
    })().finally(() => {
      this.flushing = undefined;
      // One that finished between the last check and now would otherwise wait for the next.
      if (this.finished.length > 0) this.flushSoon();
    });
  }

  /**
   * The outcomes are known only here: a database that is away for a moment is waited out (with backoff)
   * before the claims are left to expire, when they would be taken over as unknown outcomes.
   */
  private async recordWithRetries(batch: RecordedAttempt[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const recorded = await this.dataSource.transaction((manager) => this.recordBatch(manager, batch));
        this.afterCommit(recorded);
        return;
      } catch (error) {
        this.log.warn({
          msg: 'could not record delivery attempts',
          attempts: batch.length,
          attempt,
          error: describeFailure(error),
        });
        if (attempt >= RECORD_ATTEMPTS) return;
        await new Promise((resolve) => setTimeout(resolve, RECORD_BACKOFF_MS * 2 ** (attempt - 1)));
      }
    }
  }

  /** The log entries and new states, the listeners (webhook health) and the outcome events of those recorded. */
  private async recordBatch(manager: EntityManager, batch: RecordedAttempt[]): Promise<RecordedAttempt[]> {
    const ids = await this.store.record(manager, batch);
    const recorded = batch.filter((attempt) => ids.has(attempt.notification.id));
    for (const { notification, outcome, verdict } of recorded)
      for (const listener of this.listeners)
        await listener.afterAttempt(manager, notification, outcome, verdict);
    const outcomes = recorded.flatMap(({ notification, verdict, finishedAt }) =>
      verdict.kind === 'retry' ? [] : [outcomeEvent(notification, verdict, finishedAt)],
    );
    if (outcomes.length > 0) await this.outbox.add(manager, outcomes);
    return recorded;
  }

  private afterCommit(recorded: RecordedAttempt[]): void {
    let over = 0;
    for (const { notification, outcome, verdict } of recorded) {
      deliveryMetrics.attempts.inc({ channel: notification.channel, outcome: outcome.status });
      if (verdict.kind === 'retry') continue;
      over += 1;
      deliveryMetrics.finished.inc({
        channel: notification.channel,
        result: verdict.kind === 'sent' ? 'sent' : verdict.reason,
      });
      if (verdict.kind === 'failed')
        this.log.warn({
          msg: 'notification failed',
          channel: notification.channel,
          notificationId: notification.id,
          template: notification.template,
          reason: verdict.reason,
          attempts: notification.attempts,
        });
    }
    if (over > 0) this.outbox.notifyCommitted();
  }

  /**
   * A claim whose lease ran out belongs to a dispatcher that stopped mid-send: its attempt may or may not have
   * reached the provider, so it is concluded as an unknown outcome (retried only where the channel deduplicates).
   */
  private async takeOverAbandoned(): Promise<void> {
    const recorded = await this.dataSource.transaction(async (manager) => {
      const abandoned = await this.store.abandoned(manager, ABANDONED_BATCH);
      const at = new Date();
      const outcome: SendOutcome = {
        status: 'unknown',
        providerAnswer: 'the dispatcher stopped during the attempt',
      };
      return this.recordBatch(
        manager,
        abandoned.map((notification) => ({
          notification,
          startedAt: notification.leaseUntil ?? at,
          finishedAt: at,
          outcome,
          verdict: this.verdict(
            notification,
            outcome,
            this.channels.adapterFor(notification.channel)?.deduplicates ?? false,
            at,
          ),
        })),
      );
    });
    this.afterCommit(recorded);
  }
}
