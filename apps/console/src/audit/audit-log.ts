import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/principal';

/** What an audit entry says happened. `fields` names personal-data fields read, never their values. */
export interface AuditRecord {
  /** e.g. `case.read`, `case.contact.read`, `case.accept`, `user.create`, `login.failed`. */
  action: string;
  appealId?: string;
  fields?: readonly string[];
  outcome?: 'ok' | 'refused';
  /** Ids and codes only (e.g. the appeal ids a list showed): no names, no texts, no contact details. */
  detail?: Record<string, string | number | boolean | null | readonly string[]>;
}

export type AuditActor = Principal | { kind: 'citizen'; id: string } | { kind: 'anonymous'; id: string };

function actorColumns(actor: AuditActor): [kind: string, id: string, role: string | null] {
  switch (actor.kind) {
    case 'staff':
      return ['staff', actor.userId, actor.role];
    case 'system':
      return ['system', actor.clientId, null];
    case 'citizen':
    case 'anonymous':
      return [actor.kind, actor.id, null];
  }
}

/**
 * Writes audit entries in the caller's transaction, so a read or an action and its audit entry commit
 * together or not at all.
 */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, actor: AuditActor, entries: readonly AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const [kind, id, role] = actorColumns(actor);
    await manager.query(
      `INSERT INTO console.audit_entry (actor_kind, actor_id, actor_role, action, appeal_id, fields, outcome, detail)
       SELECT $1, $2, $3, entry.action, entry.appeal_id, entry.fields, entry.outcome, entry.detail
       FROM jsonb_to_recordset($4::jsonb) AS entry(action text, appeal_id uuid, fields text[], outcome text, detail jsonb)`,
      [
        kind,
        id,
        role,
        JSON.stringify(
          entries.map((entry) => ({
            action: entry.action,
            appeal_id: entry.appealId ?? null,
            fields: entry.fields ?? [],
            outcome: entry.outcome ?? 'ok',
            detail: entry.detail ?? {},
          })),
        ),
      ],
    );
  }
}
