import type { PublicCaseStatus, PublicStep } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { httpError } from '@app/service-kit';
import { normalizedTrackingNumber } from '../../cases/case-ids';
import { CaseStatus } from '../../cases/case-status';
import { PUBLIC_STEP_TYPES, publicStepOf } from './public-steps';

interface PublicFileRow {
  appeal_id: string;
  tracking_number: string;
  status: string;
  level: string | null;
  organization_name: string | null;
  registered_at: Date;
  due_at: Date | null;
  responded_at: Date | null;
}

interface PublicEventRow {
  type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/**
 * The public status page's data, from the read model only (console.case_file and case_event). The file's
 * columns are named one by one, never `*`, and each timeline entry passes the whitelist of `public-steps.ts`:
 * neither the citizen's contact, subject and text, nor staff's ids and reasons, nor internal ids leave here.
 */
@Injectable()
export class PublicCaseView {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A malformed number and an unknown one answer the same 404. */
  async byTrackingNumber(trackingNumber: string): Promise<PublicCaseStatus> {
    const normalized = normalizedTrackingNumber(trackingNumber);
    if (normalized === undefined) throw httpError('appeal-not-found');
    const [file] = await this.dataSource.query<PublicFileRow[]>(
      `SELECT appeal_id, tracking_number, status, level, organization_name, registered_at, due_at, responded_at
       FROM console.case_file WHERE tracking_number = $1`,
      [normalized],
    );
    if (!file) throw httpError('appeal-not-found');
    const events = await this.dataSource.query<PublicEventRow[]>(
      `SELECT type, occurred_at, data FROM console.case_event
       WHERE appeal_id = $1 AND type = ANY($2::text[]) ORDER BY position`,
      [file.appeal_id, PUBLIC_STEP_TYPES],
    );
    const answered = file.status === CaseStatus.answered || file.status === CaseStatus.resolved;
    return {
      trackingNumber: file.tracking_number,
      status: file.status,
      level: file.level,
      organizationName: file.organization_name,
      registeredAt: file.registered_at.toISOString(),
      dueAt: file.due_at?.toISOString() ?? null,
      ...(answered && file.responded_at && { answeredAt: file.responded_at.toISOString() }),
      timeline: events
        .map((event) =>
          publicStepOf({ type: event.type, occurredAt: event.occurred_at.toISOString(), data: event.data }),
        )
        .filter((step): step is PublicStep => step !== null),
    };
  }
}
