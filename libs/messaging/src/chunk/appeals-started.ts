import type { CloudEvent } from '@app/contracts';
import { ChunkGoesOneAtATime, WrittenMeanwhile } from './chunk-participants';

/**
 * An appeal's id as a key in a chunk's memory: PostgreSQL answers a uuid in lower case, and a publisher may
 * have written it in upper.
 */
export function appealKey(appealId: string): string {
  return appealId.toLowerCase();
}

function appealKeyOf(event: CloudEvent): string {
  return appealKey((event.data as { appealId: string }).appealId);
}

/**
 * The appeals (lower-case ids) that the chunk's `startType` events start: the row a participant inserts for
 * each at the end of the chunk. When another event of the chunk reads that row (`readsTheStart`), it would not
 * find it yet: the chunk goes one at a time.
 */
export function appealsStartedIn(
  events: readonly CloudEvent[],
  startType: string,
  readsTheStart: (type: string) => boolean,
): string[] {
  const started = events.filter((event) => event.type === startType).map(appealKeyOf);
  const startedHere = new Set(started);
  if (events.some((event) => readsTheStart(event.type) && startedHere.has(appealKeyOf(event))))
    throw new ChunkGoesOneAtATime(`an appeal is started by ${startType} and moved in one chunk`);
  return started;
}

/**
 * Another consumer writing some of these rows meanwhile (a partition moving mid-chunk) would have made the run
 * publish a second event for them: the transaction is refused, and each message then decides alone.
 */
export function refuseIfWrittenMeanwhile(inserted: number, expected: number, what: string): void {
  if (inserted < expected) throw new WrittenMeanwhile(`${what} written by another transaction meanwhile`);
}
