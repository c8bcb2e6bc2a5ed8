import { Counter, Gauge } from 'prom-client';

/** Metrics shared by every service through the default prom-client registry. */
export const messagingMetrics = {
  consumed: new Counter({
    name: 'appeals_events_consumed_total',
    help: 'Events taken off Kafka by outcome (handled, duplicate, ignored, dead-lettered)',
    labelNames: ['consumer', 'type', 'outcome'] as const,
  }),
  chunkFallbacks: new Counter({
    name: 'appeals_consumer_chunk_fallbacks_total',
    help: 'Chunks that could not be applied in one transaction and went one message at a time, by reason',
    labelNames: ['consumer', 'reason'] as const,
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
  outboxBacklog: new Gauge({
    name: 'appeals_outbox_backlog',
    help: 'Outbox rows committed but not yet published to Kafka',
    labelNames: ['schema'] as const,
  }),
  outboxOldestAge: new Gauge({
    name: 'appeals_outbox_oldest_age_seconds',
    help: 'Age of the oldest outbox row not yet published (0 when the outbox is empty)',
    labelNames: ['schema'] as const,
  }),
  outboxRelayFailures: new Counter({
    name: 'appeals_outbox_relay_failures_total',
    help: 'Relay rounds that failed (database or Kafka away, send timed out); the relay retries by itself',
    labelNames: ['schema'] as const,
  }),
  consumerRunning: new Gauge({
    name: 'appeals_consumer_running',
    help: '1 while the consumer runs in its group, 0 while it is stopped or being restarted after a crash',
    labelNames: ['group'] as const,
  }),
  consumerRestarts: new Counter({
    name: 'appeals_consumer_restarts_total',
    help: 'Restarts of a consumer that kafkajs stopped after a crash it does not recover from by itself',
    labelNames: ['group'] as const,
  }),
  databaseOutage: new Gauge({
    name: 'appeals_consumer_partitions_waiting_for_database',
    help: 'Partitions paused because PostgreSQL does not answer; they resume when it does',
    labelNames: ['consumer'] as const,
  }),
  deadLetterSendFailures: new Counter({
    name: 'appeals_dead_letter_send_failures_total',
    help: 'Dead-letter sends that failed and are retried (the message stays uncommitted meanwhile)',
    labelNames: ['consumer'] as const,
  }),
  consumerLag: new Gauge({
    name: 'appeals_consumer_lag',
    help: 'Messages behind the end of each partition, per consumer group',
    labelNames: ['group', 'topic', 'partition'] as const,
  }),
};
