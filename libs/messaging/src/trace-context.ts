import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** W3C trace context carried in the `traceparent` Kafka header from one service to the next. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const storage = new AsyncLocalStorage<{ traceparent: string }>();

export const TRACEPARENT_HEADER = 'traceparent';

export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** Same trace, new span: what a service stamps on the events it causes. */
export function childTraceparent(parent: string | undefined): string {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  if (!match) return newTraceparent();
  return `00-${match[1]}-${randomBytes(8).toString('hex')}-${match[3]}`;
}

export function currentTraceparent(): string | undefined {
  return storage.getStore()?.traceparent;
}

export function runInTrace<T>(traceparent: string | undefined, work: () => T): T {
  return storage.run({ traceparent: childTraceparent(traceparent) }, work);
}
