import type { FieldError } from '@app/contracts';

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

export type FailureKind = 'invalid' | 'transient' | 'unknown';

// PostgreSQL SQLSTATE classes that mean "try again": connection loss, shutdown, contention.
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P', '40001', '40P01', '55P03', '58'];
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

/** A short description without values: driver messages can quote personal data from a row. */
export function describeFailure(error: unknown): string {
  if (error instanceof InvalidMessageError) return error.message;
  const errorLike = (error ?? {}) as ErrorLike & { name?: unknown };
  const name = typeof errorLike.name === 'string' ? errorLike.name : 'Error';
  const driver = (errorLike.driverError ?? {}) as ErrorLike;
  const code =
    typeof driver.code === 'string' ? driver.code : typeof errorLike.code === 'string' ? errorLike.code : '';
  const message = typeof errorLike.message === 'string' ? errorLike.message.split('\n')[0].slice(0, 200) : '';
  const label = [name, code && `(${code})`].filter(Boolean).join(' ');
  return message ? `${label}: ${message}` : label;
}
