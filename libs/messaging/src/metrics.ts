import { Counter, Gauge } from 'prom-client';

/** Metrics shared by every service through the default prom-client registry. */
export const messagingMetrics = {
  consumed: new Counter({
    name: 'appeals_events_consumed_total',
    help: 'Events taken off Kafka by outcome (handled, duplicate, ignored, dead-lettered)',
    labelNames: ['consumer', 'type', 'outcome'] as const,
  }),
  retries: new Counter({
    name: 'appeals_event_retries_total',
    help: 'Retries of event handling by failure kind',
    labelNames: ['consumer', 'kind'] as const,
  }),
  outboxPublished: new Counter({
    name: 'appeals_outbox_published_total',
    help: 'Outbox rows published to Kafka',
    labelNames: ['schema'] as const,
  }),
  consumerLag: new Gauge({
    name: 'appeals_consumer_lag',
    help: 'Messages behind the end of each partition, per consumer group',
    labelNames: ['group', 'topic', 'partition'] as const,
  }),
};
