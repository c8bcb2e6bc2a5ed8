import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** W3C trace context carried in the `traceparent` Kafka header from one service to the next. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZERO = /^0+$/;
const storage = new AsyncLocalStorage<{ traceparent: string }>();

export const TRACEPARENT_HEADER = 'traceparent';

export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/**
 * Same trace, new span: what a service stamps on the events it causes. A parent that is not valid
 * W3C Trace Context (another version than 00 — ff is never valid —, an all-zero trace id or parent id)
 * starts a new trace.
 */
export function childTraceparent(parent: string | undefined): string {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  if (!match || ALL_ZERO.test(match[1]) || ALL_ZERO.test(match[2])) return newTraceparent();
  return `00-${match[1]}-${randomBytes(8).toString('hex')}-${match[3]}`;
}

export function currentTraceparent(): string | undefined {
  return storage.getStore()?.traceparent;
}

export function runInTrace<T>(traceparent: string | undefined, work: () => T): T {
  return storage.run({ traceparent: childTraceparent(traceparent) }, work);
}
