import { EventTypes, newCloudEvent, Topics, type SubmittedAppealData } from '@app/contracts';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { submittedAppeal } from './appeal-fixtures';
import type { EventTap } from './event-tap';

export interface PublishedAppeal {
  appealId: string;
  trackingNumber: string;
  data: SubmittedAppealData;
}

/**
 * Publishes an appeal to the intake topic as an external system (`source`, a portal) would, and answers it once
 * intake registered it. `tap` must be reading appeals.events.v1.
 */
export async function publishAppeal(
  producer: Producer,
  tap: EventTap,
  source: string,
  overrides: Partial<SubmittedAppealData> = {},
  timeoutMs = 60_000,
): Promise<PublishedAppeal> {
  const data = submittedAppeal(overrides);
  const event = newCloudEvent({ type: EventTypes.submitted, source, id: randomUUID(), data });
  await producer.send({
    topic: Topics.intake,
    messages: [
      {
        key: data.externalId,
        value: JSON.stringify(event),
        headers: { 'content-type': 'application/cloudevents+json' },
      },
    ],
  });
  const registered = await tap.waitFor<{ appealId: string; trackingNumber: string; sourceEventId: string }>(
    Topics.events,
    `registered for ${data.subject}`,
    (candidate) => candidate.type === EventTypes.registered && candidate.data.sourceEventId === event.id,
    timeoutMs,
  );
  const { appealId, trackingNumber } = registered.event.data;
  return { appealId, trackingNumber, data };
}
