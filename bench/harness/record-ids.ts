import type { RecordIdOf } from './topic-watcher';

interface StructuredEvent {
  type?: string;
  data?: { externalId?: string; appealId?: string };
}

/**
 * The id a lifecycle event (structured CloudEvent on appeals.events.v1) stands for, when it is of `type`:
 * `registered` carries the external id the bench published with, later events only the appeal id.
 */
export function lifecycleEventId(type: string, field: 'externalId' | 'appealId'): RecordIdOf {
  const marker = Buffer.from(type);
  return (value) => {
    // Most records on the topic are of other types: look before parsing.
    if (!value.includes(marker)) return undefined;
    const event = JSON.parse(value.toString('utf8')) as StructuredEvent;
    return event.type === type ? event.data?.[field] : undefined;
  };
}

/** A measuring peer's output event names the external id of the appeal it stored. */
export const peerOutputId: RecordIdOf = (value) => {
  const output = JSON.parse(value.toString('utf8')) as { type?: string; externalId?: string };
  return output.type === 'bench.appeal-stored' ? output.externalId : undefined;
};
