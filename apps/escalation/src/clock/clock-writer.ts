import { actionRefusal, EventTypes, newCloudEvent, Topics, type CloudEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ESCALATION_EVENT_SOURCE } from '../escalation.definition';
import { deadlineMetrics } from './deadline-metrics';
import { ClockRepository } from './clock-repository';
import type { ClockStep, Refusal } from './clock-rules';

/** Stores what the rules decided and publishes its events, in the caller's transaction. */
@Injectable()
export class ClockWriter {
  private readonly log = new Logger(ClockWriter.name);

  constructor(
    private readonly clocks: ClockRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Stores the clocks the steps moved and announces them; returns how many events were written. */
  async apply(manager: EntityManager, steps: ClockStep[]): Promise<number> {
    await this.clocks.save(
      manager,
      steps.map((step) => step.clock),
    );
    return this.announce(manager, steps);
  }

  /** The steps' events, for clocks already stored (a new clock is inserted, not saved again). */
  async announce(manager: EntityManager, steps: ClockStep[]): Promise<number> {
    const escalations = steps.flatMap((step) =>
      step.events.flatMap((event) =>
        event.type === EventTypes.escalated
          ? [
              {
                appealId: event.data.appealId,
                fromLevel: event.data.fromLevel ?? '',
                toLevel: event.data.toLevel ?? '',
                reason: event.data.reason,
                escalatedAt: new Date(event.data.escalatedAt),
              },
            ]
          : [],
      ),
    );
    const newSteps = await this.clocks.recordEscalations(manager, escalations);
    const repeated = escalations.filter((step) => !newSteps.has(step.appealId));
    // The row lock should make this impossible; if it happens, the event is held back and someone must look.
    if (repeated.length > 0)
      this.log.error({
        msg: 'escalation already in the ledger; its event is not published again',
        steps: repeated.map((step) => `${step.appealId}→${step.toLevel}`),
      });
    const events = steps
      .flatMap((step) => step.events)
      .filter((event) => event.type !== EventTypes.escalated || newSteps.has(event.data.appealId));
    await this.publish(
      manager,
      events.map((event) => lifecycleEvent(event.type, event.data.appealId, event.data)),
    );
    for (const event of events) deadlineMetrics.steps.inc({ step: stepName(event) });
    const overdue = steps.filter((step) => step.clock.state === 'overdue' && step.events.length === 0).length;
    if (overdue > 0) deadlineMetrics.steps.inc({ step: 'overdue' }, overdue);
    return events.length;
  }

  /** Tells the console why an operator's action was not carried out. */
  async refuse(
    manager: EntityManager,
    refused: CloudEvent<{ appealId: string; trackingNumber: string }>,
    refusal: Refusal,
  ): Promise<void> {
    const data = actionRefusal(refused, refusal.refused, refusal.message, new Date());
    await this.publish(manager, [lifecycleEvent(EventTypes.actionRefused, data.appealId, data)]);
    deadlineMetrics.refusals.inc({ code: refusal.refused });
  }

  private async publish(manager: EntityManager, events: CloudEvent[]): Promise<void> {
    await this.outbox.add(
      manager,
      events.map((event) => ({ topic: Topics.events, key: String(event.subject), event })),
    );
  }
}

function lifecycleEvent(type: string, appealId: string, data: object): CloudEvent {
  return newCloudEvent({ type, source: ESCALATION_EVENT_SOURCE, subject: appealId, data });
}

function stepName(event: ClockStep['events'][number]): string {
  switch (event.type) {
    case EventTypes.deadlineAssigned:
      return 'assigned';
    case EventTypes.deadlineWarning:
      return 'warned';
    case EventTypes.escalated:
      return `escalated-${event.data.reason}`;
  }
}
