import type { KafkaProbeResult } from '@app/messaging';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Gauge } from 'prom-client';

export const KAFKA_PROBE_INTERVAL_MS = 15_000;

const kafkaReachable = new Gauge({
  name: 'appeals_kafka_reachable',
  help: 'Whether the last Kafka probe of this process reached the cluster (1) or not (0)',
});

/**
 * Keeps `appeals_kafka_reachable` current by probing Kafka in the background: a scrape must not wait for
 * Kafka (a probe may take its full timeout), and the timer does not keep a stopping process alive.
 */
export class KafkaReachability implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly probe: () => Promise<KafkaProbeResult>,
    private readonly intervalMs = KAFKA_PROBE_INTERVAL_MS,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One probe; the gauge says what it found (a probe that fails is an unreachable Kafka). */
  async probeOnce(): Promise<void> {
    const result = await this.probe().catch(() => ({ up: false }));
    kafkaReachable.set(result.up ? 1 : 0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.probeOnce().finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
