import type { AuditActorKind, AuditOutcome } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { PAGE_LIMIT } from '../query-fields';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEntryView, AuditPage, AuditQuery } from './audit-query.dto';

interface Row {
  id: string;
  at: Date;
  actor_kind: AuditActorKind;
  actor_id: string;
  actor_role: string | null;
  action: string;
  appeal_id: string | null;
  fields: string[];
  outcome: AuditOutcome;
  detail: Record<string, unknown>;
}

function entry(row: Row): AuditEntryView {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    appealId: row.appeal_id,
    fields: row.fields,
    outcome: row.outcome,
    detail: row.detail,
  };
}

/** The admin's view of console.audit_entry: newest first, a page at a time (keyset: stable while rows arrive). */
@Injectable()
export class AuditEntries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(query: AuditQuery): Promise<AuditPage> {
    const limit = query.limit ?? PAGE_LIMIT.fallback;
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, at, actor_kind, actor_id, actor_role, action, appeal_id, fields, outcome, detail
       FROM console.audit_entry
       WHERE ($1::text IS NULL OR actor_id = $1)
         AND ($2::uuid IS NULL OR appeal_id = $2 OR detail->'appealIds' ? $2::text)
         AND ($3::text IS NULL OR action = $3)
         AND ($4::timestamptz IS NULL OR at >= $4)
         AND ($5::timestamptz IS NULL OR at < $5)
         AND ($6::bigint IS NULL OR id < $6)
       ORDER BY id DESC LIMIT $7`,
      [
        query.actor ?? null,
        query.appeal ?? null,
        query.action ?? null,
        query.from ?? null,
        query.to ?? null,
        query.before ?? null,
        limit + 1,
      ],
    );
    const items = rows.slice(0, limit).map(entry);
    return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
  }
}
