import type { CloudEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { publicTimelineStep, statusAfter, type LifecycleData } from './public-timeline';

// 'skipped-unknown-appeal' also covers an entry already recorded (the inbox normally catches that first).
export type TimelineOutcome = 'recorded' | 'skipped-unknown-appeal' | 'skipped-not-public';

@Injectable()
export class TimelineRecorder {
  /**
   * One statement: the entry is added only for an appeal registered here (others are not ours to show),
   * and the appeal's status moves in the same statement when the step changes it.
   */
  async record(manager: EntityManager, event: CloudEvent<LifecycleData>): Promise<TimelineOutcome> {
    const step = publicTimelineStep(event);
    if (!step) return 'skipped-not-public';
    const recorded = await manager.query<Array<{ appeal_id: string }>>(
      `WITH entry AS (
         INSERT INTO intake.appeal_status_entry (appeal_id, event_id, step, details, occurred_at)
         SELECT id, $2, $3, $4::jsonb, $5 FROM intake.appeal WHERE id = $1
         ON CONFLICT (event_id) DO NOTHING
         RETURNING appeal_id
       ), moved AS (
         UPDATE intake.appeal SET status = COALESCE($6, status) WHERE id IN (SELECT appeal_id FROM entry)
       )
       SELECT appeal_id FROM entry`,
      [
        event.data.appealId,
        event.id,
        step.step,
        JSON.stringify(step.details),
        event.time ? new Date(event.time) : new Date(),
        statusAfter(step.step),
      ],
    );
    return recorded.length > 0 ? 'recorded' : 'skipped-unknown-appeal';
  }
}
