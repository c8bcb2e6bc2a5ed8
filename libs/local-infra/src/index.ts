export { findRepoRoot, resolveKafkaBrokers, startLocalKafka } from './local-kafka';
export type { LocalKafka, LocalKafkaOptions, ResolvedKafkaBrokers } from './local-kafka';
export * from './service-process';
export * from './system';
export * from './termination';
export * from './wait-until';
export * from './delivery-sinks';
export * from './mail-sink';
export * from './sms-sink';
