import { EventTypes, LIFECYCLE_EVENT_TYPES, NOTIFICATION_EVENT_TYPES } from './event-types';

/**
 * Kafka topic names of the public contract. The `.v1` suffix is part of the contract: an incompatible
 * change gets a new topic next to the old one, never an edit of this one.
 */
export const Topics = {
  /** External systems publish `kz.appeals.submitted.v1` here (structured or binary CloudEvents). */
  intake: 'appeals.intake.v1',
  /** Every intake record that was not accepted: original bytes and headers plus the reason. */
  intakeDeadLetter: 'appeals.intake.dlq.v1',
  /** The lifecycle of every appeal, keyed by appeal id. */
  events: 'appeals.events.v1',
  /** Lifecycle events that a consumer could not process, with the reason. */
  eventsDeadLetter: 'appeals.events.dlq.v1',
  /** What notification delivered or failed to deliver (`kz.notifications.*`), keyed by appeal id. */
  notifications: 'notifications.events.v1',
  /** Notification outcomes that a consumer could not process, with the reason. */
  notificationsDeadLetter: 'notifications.events.dlq.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/**
 * Partition counts the topics are created with (local infra, Strimzi manifests, tests).
 *
 * - intake and events: 6. Per-appeal order only needs one key on one partition, so the count only
 *   bounds consumer parallelism: 6 lets up to 6 instances of a service share the load, which is more
 *   than a regional appeal flow needs, while keeping rebalances and per-partition overhead small.
 *   Raising it later reshuffles keys (breaking per-appeal order during the change), so it is set
 *   generously now rather than tuned up in production.
 * - notifications: 6, keyed by appeal id like the events it follows.
 * - dead-letter topics: 1. They are low-volume, read by people and the replay CLI, and a single
 *   partition keeps them in failure order, which is what an operator reading them expects.
 */
export const TopicPartitions: Record<TopicName, number> = {
  [Topics.intake]: 6,
  [Topics.intakeDeadLetter]: 1,
  [Topics.events]: 6,
  [Topics.eventsDeadLetter]: 1,
  [Topics.notifications]: 6,
  [Topics.notificationsDeadLetter]: 1,
};

/** A topic as a consumer subscribes to it: where its rejects go and which event types it carries. */
export interface TopicSubscription {
  topic: string;
  deadLetterTopic: string;
  /** The event types the topic carries; a handled type arriving on a topic that does not carry it is not handled. */
  carries?: readonly string[];
  /**
   * External systems publish here: a type the consumer does not take from this topic is rejected to the
   * dead-letter topic (`unsupported-type`), so the publisher learns of it, instead of being skipped.
   */
  entrance?: boolean;
}

/** Whether a subscription's topic carries events of this type; one that names no types carries any. */
export function topicCarries(subscription: TopicSubscription, type: string): boolean {
  return subscription.carries?.includes(type) ?? true;
}

/** The subscriptions of the public contract, for the services that consume these topics. */
export const Subscriptions = {
  intake: {
    topic: Topics.intake,
    deadLetterTopic: Topics.intakeDeadLetter,
    carries: [EventTypes.submitted],
    entrance: true,
  },
  /** Shared by every service: each skips the lifecycle types it has no handler for. */
  events: {
    topic: Topics.events,
    deadLetterTopic: Topics.eventsDeadLetter,
    carries: LIFECYCLE_EVENT_TYPES,
  },
  /** Notification's outcomes, for the console (in-app messages for staff, failures on the case). */
  notifications: {
    topic: Topics.notifications,
    deadLetterTopic: Topics.notificationsDeadLetter,
    carries: NOTIFICATION_EVENT_TYPES,
  },
} as const satisfies Record<string, TopicSubscription>;
