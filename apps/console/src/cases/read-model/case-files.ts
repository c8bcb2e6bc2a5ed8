import { appealKey } from '@app/messaging';
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
  /** The case whatever the caller's scope, locked: for an action, after it has applied its event. */
  async lock(manager: EntityManager, appealId: string): Promise<CaseFile | undefined> {
    return (await this.lockAll(manager, [appealId])).get(appealKey(appealId));
  }

  /**
   * The cases of `appealIds` that exist, by {@link appealKey}, whatever the caller's scope, locked in id order
   * (two transactions that lock overlapping sets then wait for each other instead of deadlocking).
   */
  async lockAll(manager: EntityManager, appealIds: readonly string[]): Promise<Map<string, CaseFile>> {
    if (appealIds.length === 0) return new Map();
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `SELECT ${caseFileColumns()} FROM console.case_file c
       WHERE c.appeal_id = ANY($1::uuid[]) ORDER BY c.appeal_id FOR UPDATE`,
      [[...new Set(appealIds)]],
    );
    return new Map(rows.map((row) => [appealKey(row.appealId as string), toCaseFile(row)]));
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

  /** Which of these events are on their case's timeline already, as {@link timelineKey}s. */
  async eventsOnTimeline(manager: EntityManager, events: readonly TimelineEventRef[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const rows = await manager.query<TimelineEventRef[]>(
      `SELECT appeal_id AS "appealId", event_source AS "source", event_id AS "id" FROM console.case_event
       WHERE (appeal_id, event_source, event_id) IN (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]))`,
      [
        events.map((event) => event.appealId),
        events.map((event) => event.source),
        events.map((event) => event.id),
      ],
    );
    return new Set(rows.map(timelineKey));
  }

  /**
   * Writes what a run of events did, in a few statements: each case row as it ended, every timeline entry,
   * and the contacts and files of the registrations among them.
   */
  async saveAll(manager: EntityManager, steps: readonly FoldStep[]): Promise<void> {
    if (steps.length === 0) return;
    const lastOf = <T>(pick: (step: FoldStep) => T | undefined): Map<string, T> => {
      const latest = new Map<string, T>();
      for (const step of steps) {
        const value = pick(step);
        if (value !== undefined) latest.set(appealKey(step.file.appealId), value);
      }
      return latest;
    };
    await this.upsertFiles(manager, [...lastOf((step) => step.file).values()]);
    await this.saveContacts(manager, [...lastOf((step) => step.contact).values()]);
    await this.saveAttachments(
      manager,
      lastOf((step) => step.attachments),
    );
    await this.addToTimeline(
      manager,
      steps.map((step) => step.entry),
    );
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

  private async upsertFiles(manager: EntityManager, files: readonly CaseFile[]): Promise<void> {
    const columns = FILE_COLUMNS.map(([, column]) => column);
    const params = new SqlParams();
    const rows = files.map(
      (file) => `(${FILE_COLUMNS.map(([field]) => params.add(file[field])).join(', ')})`,
    );
    await manager.query(
      `INSERT INTO console.case_file (${columns.join(', ')})
       VALUES ${rows.join(', ')}
       ON CONFLICT (appeal_id) DO UPDATE SET
         ${columns
           .filter((column) => column !== 'appeal_id')
           .map((column) => `${column} = EXCLUDED.${column}`)
           .join(', ')}`,
      params.values,
    );
  }

  private async saveContacts(manager: EntityManager, contacts: readonly CaseContact[]): Promise<void> {
    if (contacts.length === 0) return;
    const params = new SqlParams();
    const rows = contacts.map(
      (contact) =>
        `(${[
          contact.appealId,
          contact.fullName,
          contact.iin,
          contact.email,
          contact.phone,
          contact.preferredChannel,
        ]
          .map((value) => params.add(value))
          .join(', ')})`,
    );
    await manager.query(
      `INSERT INTO console.case_contact (appeal_id, full_name, iin, email, phone, preferred_channel)
       VALUES ${rows.join(', ')}
       ON CONFLICT (appeal_id) DO UPDATE SET full_name = EXCLUDED.full_name, iin = EXCLUDED.iin,
         email = EXCLUDED.email, phone = EXCLUDED.phone, preferred_channel = EXCLUDED.preferred_channel`,
      params.values,
    );
  }

  /** Each case's files as registered: what an earlier registration of the case left is replaced. */
  private async saveAttachments(
    manager: EntityManager,
    attachmentsByAppeal: ReadonlyMap<string, CaseAttachment[]>,
  ): Promise<void> {
    if (attachmentsByAppeal.size === 0) return;
    await manager.query(`DELETE FROM console.case_attachment WHERE appeal_id = ANY($1::uuid[])`, [
      [...attachmentsByAppeal.keys()],
    ]);
    const attachments = [...attachmentsByAppeal.values()].flat();
    if (attachments.length === 0) return;
    await manager.query(
      `INSERT INTO console.case_attachment (appeal_id, position, name, media_type, size_bytes, url, sha256)
       SELECT a.appeal_id, a.position, a.name, a.media_type, a.size_bytes, a.url, a.sha256
       FROM jsonb_to_recordset($1::jsonb) AS a(appeal_id uuid, position integer, name text, media_type text,
         size_bytes bigint, url text, sha256 text)`,
      [
        JSON.stringify(
          attachments.map((attachment) => ({
            appeal_id: attachment.appealId,
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

  private async addToTimeline(manager: EntityManager, entries: readonly TimelineEntry[]): Promise<void> {
    const params = new SqlParams();
    const rows = entries.map(
      (entry) =>
        `(${[entry.appealId, entry.position, entry.eventId, entry.eventSource, entry.type, entry.occurredAt]
          .map((value) => params.add(value))
          .join(', ')}, ${params.add(JSON.stringify(entry.data))}::jsonb)`,
    );
    await manager.query(
      `INSERT INTO console.case_event (appeal_id, position, event_id, event_source, type, occurred_at, data)
       VALUES ${rows.join(', ')}`,
      params.values,
    );
  }
}

/** An event as the timeline knows it: its case, and its (source, id). */
export interface TimelineEventRef {
  appealId: string;
  source: string;
  id: string;
}

export function timelineKey(event: TimelineEventRef): string {
  return JSON.stringify([appealKey(event.appealId), event.source, event.id]);
}
