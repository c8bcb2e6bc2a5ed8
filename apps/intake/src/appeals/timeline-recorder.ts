import type { CloudEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Appeal } from './appeal.entity';
import { publicTimelineStep, statusAfter, type LifecycleData } from './public-timeline';
import { StatusEntry } from './status-entry.entity';

export type TimelineOutcome = 'recorded' | 'skipped-unknown-appeal' | 'skipped-not-public';

@Injectable()
export class TimelineRecorder {
  async record(manager: EntityManager, event: CloudEvent<LifecycleData>): Promise<TimelineOutcome> {
    const step = publicTimelineStep(event);
    if (!step) return 'skipped-not-public';
    const appeal = await manager.findOneBy(Appeal, { id: event.data.appealId });
    // Not ours (registered elsewhere, or before this database existed): nothing to show.
    if (!appeal) return 'skipped-unknown-appeal';
    await manager.insert(StatusEntry, {
      appealId: appeal.id,
      eventId: event.id,
      step: step.step,
      details: step.details,
      occurredAt: event.time ? new Date(event.time) : new Date(),
    });
    await manager.update(Appeal, { id: appeal.id }, { status: statusAfter(step.step, appeal.status) });
    return 'recorded';
  }
}
