import type { CloudEvent } from '@app/contracts';
import { appealKey, ChunkedWork } from '@app/messaging';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { announceCaseChanges, type CaseChange } from '../../live/case-change';
import type { CaseFile } from './case-file';
import { CaseFiles, timelineKey } from './case-files';
import { CaseFold, PROJECTED_TYPES, type FoldStep, type ProjectedEvent } from './case-fold';
import { CitizenKey } from './citizen-key';

export type ProjectionOutcome = 'applied' | 'duplicate' | 'unknown-appeal' | 'not-projected';

const projected: ReadonlySet<string> = new Set(PROJECTED_TYPES);

export function isProjectedEvent(event: CloudEvent): event is ProjectedEvent {
  return projected.has(event.type);
}

/** What a run of events needs and did: read before the first of them, written after the last. */
interface ProjectionRun {
  /** Each case the run touches as it stands after the events applied so far, by {@link appealKey}; locked. */
  files: Map<string, CaseFile>;
  /** {@link timelineKey} of every event on its case's timeline, those of this run included. */
  onTimeline: Set<string>;
  steps: FoldStep[];
}

/**
 * Applies lifecycle events to the read model in the caller's transaction: the Kafka consumer's chunks, the
 * console's actions for their own events (so the operator sees the effect at once), the rebuild for the whole
 * history. Each (source, id) is applied once per case, by case_event's unique key, so the same event arriving
 * from the action and later from the topic counts once.
 */
@Injectable()
export class CaseProjector extends ChunkedWork<ProjectionRun> {
  private readonly log = new Logger(CaseProjector.name);
  private readonly fold: CaseFold;

  constructor(
    private readonly files: CaseFiles,
    citizenKey: CitizenKey,
  ) {
    super();
    this.fold = new CaseFold((citizen) => citizenKey.of(citizen));
  }

  apply(manager: EntityManager, event: CloudEvent): Promise<ProjectionOutcome> {
    if (!isProjectedEvent(event)) return Promise.resolve('not-projected');
    return this.within(manager, event, (run) => this.applyIn(run, event));
  }

  /** The row locks order these events after any other being applied to the same cases, action or consumer. */
  protected async load(manager: EntityManager, events: readonly CloudEvent[]): Promise<ProjectionRun> {
    const refs = events
      .filter(isProjectedEvent)
      .map((event) => ({ appealId: event.data.appealId, source: event.source, id: event.id }));
    const files = await this.files.lockAll(
      manager,
      refs.map((ref) => ref.appealId),
    );
    const onTimeline = await this.files.eventsOnTimeline(
      manager,
      refs.filter((ref) => files.has(appealKey(ref.appealId))),
    );
    return { files, onTimeline, steps: [] };
  }

  protected async write(manager: EntityManager, run: ProjectionRun): Promise<void> {
    await this.files.saveAll(manager, run.steps);
    await announceCaseChanges(manager, run.steps.map(changeOf));
  }

  private applyIn(run: ProjectionRun, event: ProjectedEvent): ProjectionOutcome {
    const appealId = event.data.appealId;
    const file = run.files.get(appealKey(appealId));
    const key = timelineKey({ appealId, source: event.source, id: event.id });
    if (file && run.onTimeline.has(key)) return 'duplicate';
    const step = this.fold.step(file, event);
    if (!step) {
      // Its registration is not on the topic any more (history trimmed): see docs/console.md.
      this.log.warn({
        msg: 'lifecycle event of an appeal the read model never registered',
        appealId,
        type: event.type,
      });
      return 'unknown-appeal';
    }
    run.files.set(appealKey(appealId), step.file);
    run.onTimeline.add(key);
    run.steps.push(step);
    return 'applied';
  }
}

function changeOf({ file, entry }: FoldStep): CaseChange {
  return {
    appealId: file.appealId,
    trackingNumber: file.trackingNumber,
    version: file.version,
    status: file.status,
    level: file.level,
    dueAt: file.dueAt,
    eventType: entry.type,
    organizationId: file.organizationId,
    responsibleOrganizationId: file.responsibleOrganizationId,
    scopeRegionKato: file.scopeRegionKato,
    source: file.source,
  };
}
