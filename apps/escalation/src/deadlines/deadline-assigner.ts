import {
  EventTypes,
  newCloudEvent,
  Topics,
  type AppealRoutedData,
  type DeadlineAssignedData,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { CachedReferenceData } from '@app/persistence';
import { millisecondsFromEnv } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
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
  /** Policies are data: a changed row takes effect within seconds, without a restart. */
  private readonly policies: CachedReferenceData<Map<string, DeadlinePolicyRow>>;

  constructor(
    private readonly outbox: OutboxWriter,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.policies = new CachedReferenceData(
      async () => new Map((await dataSource.manager.find(DeadlinePolicyRow)).map((row) => [row.kind, row])),
      // How long a read of the policy table serves: a changed policy applies after at most this long.
      millisecondsFromEnv('ESCALATION_POLICY_CACHE_MS', 5_000, 0),
    );
  }

  async assign(manager: EntityManager, routed: AppealRoutedData, routedAt: Date): Promise<AssignOutcome> {
    const stored = (await this.policies.get()).get(routed.kind);
    if (!stored) throw new Error(`no deadline policy for kind ${routed.kind}`);
    const policy = parsePolicy(stored);
    const { dueAt, warnAt } = this.calculator.compute(routedAt, policy);
    const policyText = describeSpan(policy.due);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(WatchedAppeal)
      .values({
        appealId: routed.appealId,
        trackingNumber: routed.trackingNumber,
        organizationId: routed.organizationId,
        policy: policyText,
        dueAt,
        warnAt,
        state: 'watching',
      })
      .orIgnore()
      .updateEntity(false)
      .returning(['appealId'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) return 'skipped-already-watched';
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
