import {
  EventTypes,
  newCloudEvent,
  Topics,
  type AppealRoutedData,
  type DeadlineAssignedData,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ESCALATION_EVENT_SOURCE } from '../escalation.definition';
import { DeadlineCalculator } from './deadline-calculator';
import { describeSpan, parsePolicy } from './deadline-policy';
import { DeadlinePolicyRow } from './deadline-policy.entity';
import { WatchedAppeal } from './watched-appeal.entity';
import { WeekdayCalendar } from './working-calendar';

export type AssignOutcome = 'assigned' | 'skipped-already-watched';

/** Starts watching a routed appeal: computes its legal deadline and the moment to warn. */
@Injectable()
export class DeadlineAssigner {
  private readonly calculator = new DeadlineCalculator(new WeekdayCalendar());

  constructor(private readonly outbox: OutboxWriter) {}

  async assign(manager: EntityManager, routed: AppealRoutedData, routedAt: Date): Promise<AssignOutcome> {
    if (await manager.existsBy(WatchedAppeal, { appealId: routed.appealId }))
      return 'skipped-already-watched';
    // Policies are read on every assignment, so a changed row takes effect without a restart.
    const policy = parsePolicy(await manager.findOneByOrFail(DeadlinePolicyRow, { kind: routed.kind }));
    const { dueAt, warnAt } = this.calculator.compute(routedAt, policy);
    const policyText = describeSpan(policy.due);
    await manager.insert(WatchedAppeal, {
      appealId: routed.appealId,
      trackingNumber: routed.trackingNumber,
      organizationId: routed.organizationId,
      policy: policyText,
      dueAt,
      warnAt,
      state: 'watching',
    });
    const data: DeadlineAssignedData = {
      appealId: routed.appealId,
      trackingNumber: routed.trackingNumber,
      organizationId: routed.organizationId,
      dueAt: dueAt.toISOString(),
      warnAt: warnAt.toISOString(),
      policy: policyText,
      assignedAt: new Date().toISOString(),
    };
    await this.outbox.add(manager, [
      {
        topic: Topics.events,
        key: routed.appealId,
        event: newCloudEvent({
          type: EventTypes.deadlineAssigned,
          source: ESCALATION_EVENT_SOURCE,
          subject: routed.appealId,
          data,
        }),
      },
    ]);
    return 'assigned';
  }
}
