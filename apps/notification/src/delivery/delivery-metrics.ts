import { gaugeFromDatabase } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';

/** Labels are channels and outcome codes only: never an address, a template's text or an appeal. */
export const deliveryMetrics = {
  attempts: new Counter({
    name: 'notification_delivery_attempts_total',
    help: 'Delivery attempts by channel and outcome (sent, retry, rejected, unknown)',
    labelNames: ['channel', 'outcome'] as const,
  }),
  finished: new Counter({
    name: 'notification_deliveries_total',
    help: 'Messages whose delivery is over, by channel and result (sent, rejected, exhausted, outcome-unknown)',
    labelNames: ['channel', 'result'] as const,
  }),
  sendSeconds: new Histogram({
    name: 'notification_send_seconds',
    help: "Time one attempt took with the channel's provider",
    labelNames: ['channel'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
};

interface WaitingRow {
  channel: string;
  status: string;
  count: number;
  oldest_seconds: number;
}

/**
 * What waits, read from the table at each scrape: a channel left unconfigured, a provider that is down or a
 * disabled webhook shows here as a growing count and age, long before anyone misses a message.
 */
@Injectable()
export class DeliveryGauges {
  constructor(@InjectDataSource() dataSource: DataSource) {
    // Both gauges are collected together at a scrape: they share one read of the table.
    let reading: Promise<WaitingRow[]> | undefined;
    const waiting = (): Promise<WaitingRow[]> =>
      (reading ??= dataSource
        .query<WaitingRow[]>(
          `SELECT channel, status, count(*)::int AS count,
                COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest_seconds
           FROM notification.notification
          WHERE status IN ('pending', 'sending', 'held')
          GROUP BY channel, status`,
        )
        .finally(() => (reading = undefined)));
    gaugeFromDatabase({
      name: 'notification_waiting',
      help: 'Messages not delivered yet, by channel and status (pending, sending, held)',
      labelNames: ['channel', 'status'] as const,
      read: async () =>
        (await waiting()).map((row) => ({
          labels: { channel: row.channel, status: row.status },
          value: row.count,
        })),
    });
    gaugeFromDatabase({
      name: 'notification_oldest_waiting_seconds',
      help: 'Age of the oldest message not delivered yet, by channel and status',
      labelNames: ['channel', 'status'] as const,
      read: async () =>
        (await waiting()).map((row) => ({
          labels: { channel: row.channel, status: row.status },
          value: row.oldest_seconds,
        })),
    });
  }
}
