import { newCloudEvent, Topics } from '@app/contracts';
import type { OutboxEntry } from '@app/messaging';
import { ROUTING_EVENT_SOURCE } from '../routing.definition';

/** An event routing publishes about an appeal, keyed by the appeal so that its events stay in order. */
export function lifecycleEntry(type: string, data: { appealId: string }): OutboxEntry {
  return {
    topic: Topics.events,
    key: data.appealId,
    event: newCloudEvent({ type, source: ROUTING_EVENT_SOURCE, subject: data.appealId, data }),
  };
}
