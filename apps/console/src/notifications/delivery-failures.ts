import type { CaseTimelineEntry, CloudEvent, NotificationFailedData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deliveryFailureOf, withDeliveryFailures } from './delivery-failure';
import { DeliveryFailureRepository } from './delivery-failure.repository';
import type { TimelineEntry } from '../cases/read-model/case-file';

export type FailureReceipt = 'kept' | 'duplicate' | 'not-shown';

/**
 * Messages notification gave up on, kept for the case page. They come from notifications.events.v1, not from
 * the lifecycle the read model folds: they change no case version, and a rebuild leaves them as they are.
 */
@Injectable()
export class DeliveryFailures {
  constructor(private readonly failures: DeliveryFailureRepository) {}

  async record(manager: EntityManager, event: CloudEvent<NotificationFailedData>): Promise<FailureReceipt> {
    const failure = deliveryFailureOf(event);
    if (!failure) return 'not-shown';
    return (await this.failures.insert(manager, failure)) ? 'kept' : 'duplicate';
  }

  /** The case's timeline with its delivery failures in it. */
  async timelineOf(
    manager: EntityManager,
    appealId: string,
    events: ReadonlyArray<Omit<TimelineEntry, 'appealId'>>,
  ): Promise<CaseTimelineEntry[]> {
    return withDeliveryFailures(events, await this.failures.of(manager, appealId));
  }
}
