import type { FieldError } from '@app/contracts';
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

const REDACTED = '…';

// `Key (iin)=(900101300017)` in PostgreSQL's key detail. Columns and values may hold one level of
// parentheses (`lower(email::text)`, `Asel (Aru)`); the value ends at a `)` followed by the end, a space
// or punctuation, and when its parentheses do not balance, at the first such `)`.
const KEY_DETAIL = /\((?:[^()]|\([^()]*\))*\)=\((?:(?:[^()]|\([^()]*\))*?|.*?)\)(?=$|\s|[.,;](?:\s|$))/g;

/** A `"` that can start a quoted value: at the start, or after a space, `(`, `=`, `:`, `,` or V8's `...`. */
function canOpen(text: string, at: number): boolean {
  return at === 0 || /[\s(=:,.]/.test(text[at - 1]);
}

/** A `"` that can end a quoted value: at the end, or before a space, V8's `...`, or `.`, `,`, `;`, `)` and a space. */
function canClose(text: string, at: number): boolean {
  const next = text[at + 1];
  if (next === undefined || /\s/.test(next) || text.startsWith('...', at + 1)) return true;
  return /[.,;)]/.test(next) && (text[at + 2] === undefined || /\s/.test(text[at + 2]));
}

/**
 * Drivers quote values without escaping them (`invalid input syntax for type bigint: "9001…"`, V8's JSON
 * excerpt `"{"iin": 9001…"`), so a quoted value runs from an opening `"` to the first closing `"` that is
 * followed by another opening one or by nothing; a `"` that is never closed hides the rest of the text.
 */
function redactQuoted(text: string): string {
  const quotes: number[] = [];
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) quotes.push(at);
  let result = '';
  let copied = 0;
  let next = 0;
  while (next < quotes.length) {
    const start = quotes[next];
    let end = -1;
    for (let candidate = next + 1; candidate < quotes.length; candidate++) {
      const last = candidate === quotes.length - 1;
      if (canClose(text, quotes[candidate]) && (last || canOpen(text, quotes[candidate + 1]))) {
        end = candidate;
        break;
      }
    }
    result += text.slice(copied, start);
    if (end === -1) return `${result}"${REDACTED}`;
    result += `"${REDACTED}"`;
    copied = quotes[end] + 1;
    next = end + 1;
  }
  return result + text.slice(copied);
}

/**
 * Hides the values that database and JSON error messages quote, keeping their wording: the contents of
 * double-quoted strings become `"…"` and key details `(iin)=(900101300017)` become `(…)=(…)`.
 */
export function redactValues(text: string): string {
  return redactQuoted(text.replace(KEY_DETAIL, `(${REDACTED})=(${REDACTED})`));
}

/** A short description without values: driver messages can quote personal data from a row. */
export function describeFailure(error: unknown): string {
  if (error instanceof InvalidMessageError) return error.message;
  const errorLike = (error ?? {}) as ErrorLike & { name?: unknown };
  const name = typeof errorLike.name === 'string' ? errorLike.name : 'Error';
  const driver = (errorLike.driverError ?? {}) as ErrorLike;
  const code =
    typeof driver.code === 'string' ? driver.code : typeof errorLike.code === 'string' ? errorLike.code : '';
  const message =
    typeof errorLike.message === 'string' ? redactValues(errorLike.message.split('\n')[0]).slice(0, 200) : '';
  const label = [name, code && `(${code})`].filter(Boolean).join(' ');
  return message ? `${label}: ${message}` : label;
}
