import type { CloudEvent } from '@app/contracts';
import { ChunkedWork } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { publicTimelineStep, statusAfter, type LifecycleData } from './public-timeline';

interface TimelineEntry {
  appealId: string;
  eventId: string;
  step: string;
  details: string;
  occurredAt: Date;
  /** The appeal's status after this step, when the step changes it. */
  status: string | null;
}

/** The entries of a run of events, written in one statement after the last of them. */
interface TimelineRun {
  entries: TimelineEntry[];
}

/** Keeps the public status history of the appeals registered here, from the lifecycle events. */
@Injectable()
export class TimelineRecorder extends ChunkedWork<TimelineRun> {
  record(manager: EntityManager, event: CloudEvent<LifecycleData>): Promise<void> {
    const step = publicTimelineStep(event);
    if (!step) return Promise.resolve();
    return this.within(manager, event, (run) => {
      run.entries.push({
        appealId: event.data.appealId,
        eventId: event.id,
        step: step.step,
        details: JSON.stringify(step.details),
        occurredAt: event.time ? new Date(event.time) : new Date(),
        status: statusAfter(step.step) ?? null,
      });
    });
  }

  protected load(): Promise<TimelineRun> {
    return Promise.resolve({ entries: [] });
  }

  /**
   * One statement: entries are added only for appeals registered here (others are not ours to show), an
   * entry already recorded is skipped, and each appeal's status becomes that of its last recorded step that
   * changes it.
   */
  protected async write(manager: EntityManager, { entries }: TimelineRun): Promise<void> {
    if (entries.length === 0) return;
    const column = <K extends keyof TimelineEntry>(key: K): Array<TimelineEntry[K]> =>
      entries.map((entry) => entry[key]);
    await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::timestamptz[], $6::text[])
           WITH ORDINALITY AS i(appeal_id, event_id, step, details, occurred_at, status, position)
       ), entry AS (
         INSERT INTO intake.appeal_status_entry (appeal_id, event_id, step, details, occurred_at)
         SELECT a.id, i.event_id, i.step, i.details, i.occurred_at
         FROM input i JOIN intake.appeal a ON a.id = i.appeal_id
         ORDER BY i.position
         ON CONFLICT (event_id) DO NOTHING
         RETURNING event_id
       ), latest AS (
         SELECT DISTINCT ON (i.appeal_id) i.appeal_id, i.status
         FROM input i JOIN entry e ON e.event_id = i.event_id
         WHERE i.status IS NOT NULL
         ORDER BY i.appeal_id, i.position DESC
       )
       UPDATE intake.appeal a SET status = latest.status FROM latest WHERE a.id = latest.appeal_id`,
      [
        column('appealId'),
        column('eventId'),
        column('step'),
        column('details'),
        column('occurredAt'),
        column('status'),
      ],
    );
  }
}
