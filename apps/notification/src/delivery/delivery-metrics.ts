import { Counter, Histogram } from 'prom-client';

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
