import {
  CENTRAL_RECEPTION_ID,
  EventTypes,
  type AppealRegisteredData,
  type AppealRoutedData,
  type CloudEvent,
} from '@app/contracts';
import {
  appealKey,
  appealsStartedIn,
  ChunkedWork,
  OutboxWriter,
  refuseIfWrittenMeanwhile,
} from '@app/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentRepository, type NewAssignment } from './assignment-repository';
import { lifecycleEntry } from './lifecycle-entry';
import { receivedAtOf } from './received-at';
import { decideRouting } from './routing-decision';
import { organizationNameIn, RoutingDirectory } from './routing-directory';

export type RoutingOutcome = 'routed' | 'skipped-already-routed';

/** What a run of registrations knows and did: read before the first of them, written after the last. */
interface RoutingRun {
  /** The run's appeals that are routed, before the run or by it (lower-case ids). */
  routed: Set<string>;
  assignments: NewAssignment[];
}

/** Routing's other events read an appeal's assignment, which a chunk writes only at its end. */
const READS_ASSIGNMENT: ReadonlySet<string> = new Set([EventTypes.transferRequested, EventTypes.escalated]);

@Injectable()
export class AppealRouter extends ChunkedWork<RoutingRun> {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly directory: RoutingDirectory,
    private readonly assignments: AssignmentRepository,
  ) {
    super();
  }

  async route(manager: EntityManager, registered: CloudEvent<AppealRegisteredData>): Promise<RoutingOutcome> {
    const appeal = registered.data;
    const { rules, organizations } = await this.directory.get();
    const decision = decideRouting(appeal, rules, CENTRAL_RECEPTION_ID);
    const organization = organizations.get(decision.organizationId);
    if (!organization)
      throw new Error(`routing rule points at unknown organisation ${decision.organizationId}`);
    return this.within(manager, registered, async (run) => {
      const key = appealKey(appeal.appealId);
      if (run.routed.has(key)) return 'skipped-already-routed';
      run.routed.add(key);
      const routedAt = new Date();
      run.assignments.push({
        appealId: appeal.appealId,
        trackingNumber: appeal.trackingNumber,
        // Kept so that a transfer can route the appeal again without the registered event.
        appeal: { regionKato: appeal.regionKato, category: appeal.category, kind: appeal.kind },
        language: appeal.language,
        organizationId: organization.id,
        ruleId: decision.ruleId,
        isFallback: decision.isFallback,
        routedAt,
      });
      const data: AppealRoutedData = {
        appealId: appeal.appealId,
        trackingNumber: appeal.trackingNumber,
        organizationId: organization.id,
        organizationName: organizationNameIn(organization, appeal.language),
        regionKato: appeal.regionKato,
        ruleId: decision.ruleId ?? undefined,
        routedAt: routedAt.toISOString(),
        receivedAt: receivedAtOf(appeal),
        isFallback: decision.isFallback,
        kind: appeal.kind,
        language: appeal.language,
      };
      await this.outbox.add(manager, [lifecycleEntry(EventTypes.routed, data)]);
      return 'routed';
    });
  }

  protected async load(manager: EntityManager, events: readonly CloudEvent[]): Promise<RoutingRun> {
    const registered = appealsStartedIn(events, EventTypes.registered, (type) => READS_ASSIGNMENT.has(type));
    return { routed: await this.assignments.routedAmong(manager, registered), assignments: [] };
  }

  protected async write(manager: EntityManager, run: RoutingRun): Promise<void> {
    const inserted = await this.assignments.insertAll(manager, run.assignments);
    refuseIfWrittenMeanwhile(inserted, run.assignments.length, "appeals' assignments");
  }
}
