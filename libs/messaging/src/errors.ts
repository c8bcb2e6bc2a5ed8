import type { FieldError } from '@app/contracts';
import { describeError } from '@app/persistence';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** Data that can never be processed, however often it is retried: it goes to the dead-letter topic. */
export class InvalidMessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'InvalidMessageError';
  }
}

/** An event that reuses the (source, id) of an applied one with other content: the publisher's error. */
export function idempotencyConflict(): InvalidMessageError {
  return new InvalidMessageError(
    'idempotency-conflict',
    'an event with this source and id was applied before with other content',
    [{ field: 'id', reason: 'id must be new for its source: it was used for an event with other content' }],
  );
}

export type FailureKind = 'invalid' | 'transient' | 'unknown';

// PostgreSQL SQLSTATE classes that mean "try again": connection loss, shutdown, contention, and
// 57014 (query_canceled: statement_timeout or a cancel request).
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P', '57014', '40001', '40P01', '55P03', '58'];
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /driver not connected/i,
  /cannot use a pool after calling end/i,
  /connection.*(closed|ended)/i,
];

interface ErrorLike {
  code?: unknown;
  retriable?: unknown;
  driverError?: unknown;
  cause?: unknown;
  message?: unknown;
}

function isTransient(error: ErrorLike, depth = 0): boolean {
  if (depth > 4 || error === null || typeof error !== 'object') return false;
  // TypeORM releases a transaction's connection when PostgreSQL drops it, and the next query (the ROLLBACK
  // at the latest) fails with one of these instead of the connection error: a lost connection all the same.
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  if (error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  if (error.retriable === true) return true; // kafkajs marks its own retriable errors
  const code = typeof error.code === 'string' ? error.code : '';
  if (TRANSIENT_NODE_CODES.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_PREFIXES.some((prefix) => code.startsWith(prefix)))
    return true;
  const message = typeof error.message === 'string' ? error.message : '';
  if (TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return (
    isTransient(error.driverError as ErrorLike, depth + 1) || isTransient(error.cause as ErrorLike, depth + 1)
  );
}

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof InvalidMessageError) return 'invalid';
  if (isTransient(error as ErrorLike)) return 'transient';
  return 'unknown';
}

/** A short description without values: the message of invalid data names fields, never values. */
export function describeFailure(error: unknown): string {
  return error instanceof InvalidMessageError ? error.message : describeError(error);
}
