import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseScope } from '../../access/case-scope';
import { isAppealId, normalizedTrackingNumber } from '../case-ids';
import type { CaseAttachment, CaseContact, CaseFile, TimelineEntry } from './case-file';
import type { FoldStep } from './case-fold';
import { scopeCondition } from './scope-condition';
import { SqlParams } from './sql-params';

/** Field of CaseFile → its column, in the order of the INSERT. */
const FILE_COLUMNS: ReadonlyArray<readonly [keyof CaseFile, string]> = [
  ['appealId', 'appeal_id'],
  ['trackingNumber', 'tracking_number'],
  ['source', 'source'],
  ['sourceEventId', 'source_event_id'],
  ['externalId', 'external_id'],
  ['kind', 'kind'],
  ['category', 'category'],
  ['regionKato', 'region_kato'],
  ['subject', 'subject'],
  ['text', 'text'],
  ['language', 'language'],
  ['channel', 'channel'],
  ['receivedAt', 'received_at'],
  ['registeredAt', 'registered_at'],
  ['status', 'status'],
  ['responsibleOrganizationId', 'responsible_organization_id'],
  ['scopeRegionKato', 'scope_region_kato'],
  ['organizationId', 'organization_id'],
  ['organizationName', 'organization_name'],
  ['level', 'level'],
  ['heldSince', 'held_since'],
  ['dueAt', 'due_at'],
  ['originalDueAt', 'original_due_at'],
  ['registeredOn', 'registered_on'],
  ['deadlineCause', 'deadline_cause'],
  ['deadlinePolicy', 'deadline_policy'],
  ['deadlineAssignedAt', 'deadline_assigned_at'],
  ['warnedAt', 'warned_at'],
  ['escalatedAt', 'escalated_at'],
  ['escalationCount', 'escalation_count'],
  ['transferCount', 'transfer_count'],
  ['declinedOrganizationIds', 'declined_organization_ids'],
  ['acceptedBy', 'accepted_by'],
  ['acceptedAt', 'accepted_at'],
  ['respondedAt', 'responded_at'],
  ['answeredOnTime', 'answered_on_time'],
  ['responseId', 'response_id'],
  ['resolvedAt', 'resolved_at'],
  ['underControlBy', 'under_control_by'],
  ['underControlAt', 'under_control_at'],
  ['citizenKey', 'citizen_key'],
  ['version', 'version'],
  ['updatedAt', 'updated_at'],
];

/** Columns that node-postgres would turn into a local-midnight Date: read as the text they are. */
const AS_TEXT = new Set(['registered_on']);

/** The SELECT list of a whole case, from the table aliased `alias`, with camelCase names. */
export function caseFileColumns(alias = 'c'): string {
  return FILE_COLUMNS.map(
    ([field, column]) => `${alias}.${column}${AS_TEXT.has(column) ? '::text' : ''} AS "${field}"`,
  ).join(', ');
}

/** A row read with {@link caseFileColumns} as a CaseFile: moments as ISO strings, as the fold writes them. */
export function toCaseFile(row: Record<string, unknown>): CaseFile {
  const file = Object.fromEntries(
    FILE_COLUMNS.map(([field]) => {
      const value = row[field];
      return [field, value instanceof Date ? value.toISOString() : value];
    }),
  );
  return file as unknown as CaseFile;
}

export interface LoadOptions {
  /** Lock the row until the transaction ends, for an action that changes the case. */
  forUpdate?: boolean;
}

/** Every statement on console.case_file, case_contact, case_attachment and case_event, in one place. */
@Injectable()
export class CaseFiles {
  /** The case whatever the caller's scope, locked: for the projection. */
  async lock(manager: EntityManager, appealId: string): Promise<CaseFile | undefined> {
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `SELECT ${caseFileColumns()} FROM console.case_file c WHERE c.appeal_id = $1 FOR UPDATE`,
      [appealId],
    );
    return rows[0] && toCaseFile(rows[0]);
  }

  /**
   * The case if it is in `scope`, else undefined: the caller answers 404, as for a case that does not exist.
   * An id that is not a UUID is no case either.
   */
  async loadInScope(
    manager: EntityManager,
    appealId: string,
    scope: CaseScope,
    options: LoadOptions = {},
  ): Promise<CaseFile | undefined> {
    if (!isAppealId(appealId)) return undefined;
    const params = new SqlParams();
    const id = params.add(appealId);
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `SELECT ${caseFileColumns()} FROM console.case_file c
       WHERE c.appeal_id = ${id} AND ${scopeCondition(scope, params)}${options.forUpdate ? ' FOR UPDATE' : ''}`,
      params.values,
    );
    return rows[0] && toCaseFile(rows[0]);
  }

  /** The case with this tracking number, locked: for the citizen's decision by link, which has no scope. */
  async lockByTrackingNumber(manager: EntityManager, trackingNumber: string): Promise<CaseFile | undefined> {
    const normalized = normalizedTrackingNumber(trackingNumber);
    if (normalized === undefined) return undefined;
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `SELECT ${caseFileColumns()} FROM console.case_file c WHERE c.tracking_number = $1 FOR UPDATE`,
      [normalized],
    );
    return rows[0] && toCaseFile(rows[0]);
  }

  async hasEvent(
    manager: EntityManager,
    appealId: string,
    source: string,
    eventId: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM console.case_event WHERE appeal_id = $1 AND event_source = $2 AND event_id = $3`,
      [appealId, source, eventId],
    );
    return rows.length > 0;
  }

  /** Writes what one event did: the case row, its timeline entry, and on registration its contact and files. */
  async save(manager: EntityManager, step: FoldStep): Promise<void> {
    const columns = FILE_COLUMNS.map(([, column]) => column);
    await manager.query(
      `INSERT INTO console.case_file (${columns.join(', ')})
       VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})
       ON CONFLICT (appeal_id) DO UPDATE SET
         ${columns
           .filter((column) => column !== 'appeal_id')
           .map((column) => `${column} = EXCLUDED.${column}`)
           .join(', ')}`,
      FILE_COLUMNS.map(([field]) => step.file[field]),
    );
    if (step.contact) await this.saveContact(manager, step.contact);
    if (step.attachments) await this.saveAttachments(manager, step.file.appealId, step.attachments);
    await this.addToTimeline(manager, step.entry);
  }

  async contactOf(manager: EntityManager, appealId: string): Promise<CaseContact | undefined> {
    const rows = await manager.query<CaseContact[]>(
      `SELECT appeal_id AS "appealId", full_name AS "fullName", iin, email, phone,
              preferred_channel AS "preferredChannel"
       FROM console.case_contact WHERE appeal_id = $1`,
      [appealId],
    );
    return rows[0];
  }

  async attachmentsOf(manager: EntityManager, appealId: string): Promise<CaseAttachment[]> {
    const rows = await manager.query<Array<CaseAttachment & { sizeBytes: string }>>(
      `SELECT appeal_id AS "appealId", position, name, media_type AS "mediaType", size_bytes AS "sizeBytes",
              url, sha256
       FROM console.case_attachment WHERE appeal_id = $1 ORDER BY position`,
      [appealId],
    );
    return rows.map((row) => ({ ...row, sizeBytes: Number(row.sizeBytes) }));
  }

  async timelineOf(manager: EntityManager, appealId: string): Promise<TimelineEntry[]> {
    const rows = await manager.query<Array<TimelineEntry & { occurredAt: Date }>>(
      `SELECT appeal_id AS "appealId", position, event_id AS "eventId", event_source AS "eventSource", type,
              occurred_at AS "occurredAt", data
       FROM console.case_event WHERE appeal_id = $1 ORDER BY position`,
      [appealId],
    );
    return rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
  }

  private async saveContact(manager: EntityManager, contact: CaseContact): Promise<void> {
    await manager.query(
      `INSERT INTO console.case_contact (appeal_id, full_name, iin, email, phone, preferred_channel)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (appeal_id) DO UPDATE SET full_name = EXCLUDED.full_name, iin = EXCLUDED.iin,
         email = EXCLUDED.email, phone = EXCLUDED.phone, preferred_channel = EXCLUDED.preferred_channel`,
      [
        contact.appealId,
        contact.fullName,
        contact.iin,
        contact.email,
        contact.phone,
        contact.preferredChannel,
      ],
    );
  }

  private async saveAttachments(
    manager: EntityManager,
    appealId: string,
    attachments: CaseAttachment[],
  ): Promise<void> {
    await manager.query(`DELETE FROM console.case_attachment WHERE appeal_id = $1`, [appealId]);
    if (attachments.length === 0) return;
    await manager.query(
      `INSERT INTO console.case_attachment (appeal_id, position, name, media_type, size_bytes, url, sha256)
       SELECT $1, a.position, a.name, a.media_type, a.size_bytes, a.url, a.sha256
       FROM jsonb_to_recordset($2::jsonb)
         AS a(position integer, name text, media_type text, size_bytes bigint, url text, sha256 text)`,
      [
        appealId,
        JSON.stringify(
          attachments.map((attachment) => ({
            position: attachment.position,
            name: attachment.name,
            media_type: attachment.mediaType,
            size_bytes: attachment.sizeBytes,
            url: attachment.url,
            sha256: attachment.sha256,
          })),
        ),
      ],
    );
  }

  private async addToTimeline(manager: EntityManager, entry: TimelineEntry): Promise<void> {
    await manager.query(
      `INSERT INTO console.case_event (appeal_id, position, event_id, event_source, type, occurred_at, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        entry.appealId,
        entry.position,
        entry.eventId,
        entry.eventSource,
        entry.type,
        entry.occurredAt,
        JSON.stringify(entry.data),
      ],
    );
  }
}
