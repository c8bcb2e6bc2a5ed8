import type { CloudEvent, NotificationChannel } from '@app/contracts';

/** A text in every language the system speaks. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

/** What a message says, shaped for its channel; rendered once when the notification is planned. */
export type RenderedContent =
  | { kind: 'email'; subject: string; text: string; html: string }
  | { kind: 'sms'; text: string }
  | { kind: 'in-app'; title: LocalizedText; body: LocalizedText }
  | { kind: 'webhook'; event: CloudEvent };

/** One attempt at one notification, as a channel adapter receives it. */
export interface OutgoingMessage {
  /** Stable across attempts: the SMS gateway's idempotency key, the webhook id, the e-mail's Message-ID. */
  notificationId: string;
  /** An e-mail address, an E.164 phone number, an organisation id, or a webhook subscription id. */
  recipient: string;
  content: RenderedContent;
  /** 1 for the first attempt. */
  attempt: number;
}

/**
 * What became of one attempt.
 * - `sent`: the provider took it (250 from SMTP, 2xx from the gateway or the receiver).
 * - `retry`: it certainly did not go (connection refused, 4xx SMTP, 429/5xx before the body was read…).
 * - `rejected`: the provider refused it for good; retrying cannot help.
 * - `unknown`: it may have gone (the connection broke after the message was handed over, a timeout).
 * `providerAnswer` is kept in the delivery log (the database), never logged: a provider may echo an address.
 */
export type SendOutcome =
  | { status: 'sent'; providerAnswer: string }
  | { status: 'retry'; providerAnswer: string; retryAfterMs?: number }
  | { status: 'rejected'; providerAnswer: string }
  | { status: 'unknown'; providerAnswer: string };

/**
 * One way of delivering one channel's messages (SMTP for e-mail, an HTTP gateway for SMS…). A new provider is
 * one class implementing this, registered with {@link DELIVERY_CHANNELS} and picked by configuration.
 */
export interface DeliveryChannel {
  readonly channel: NotificationChannel;
  /** The name configuration picks it by (`NOTIFICATION_<CHANNEL>_PROVIDER`), e.g. `smtp`, `http-gateway`. */
  readonly provider: string;
  /**
   * Whether the provider drops a second copy of the same notificationId, so that an attempt whose outcome is
   * unknown may be retried without the recipient getting two messages.
   */
  readonly deduplicates: boolean;
  /**
   * Set when this deployment has not configured the provider (no SMTP server, no gateway URL): the variables to
   * set. The registry then offers no adapter for the channel, and its notifications wait instead of failing.
   */
  readonly missingConfiguration?: string;
  /** Never throws for a provider's failure: every failure is an outcome. `signal` aborts at the send timeout. */
  send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome>;
}

/** Nest multi-provider token: every adapter the service has, for the registry to choose from. */
export const DELIVERY_CHANNELS = Symbol('DELIVERY_CHANNELS');
