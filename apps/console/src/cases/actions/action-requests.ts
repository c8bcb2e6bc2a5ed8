import type { ActionReceipt } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../access/principal';

/** The first answer to a request with this key, or a sign that the key was used for another request. */
export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; receipt: ActionReceipt }
  | { kind: 'reused'; action: string; appealId: string };

function callerKey(caller: Principal): string {
  return caller.kind === 'staff' ? `staff:${caller.userId}` : `system:${caller.clientId}`;
}

/**
 * Idempotency keys of action requests, per caller (console.action_request). A key is claimed first in the
 * action's transaction: a concurrent request with the same key waits on the claim and then finds the answer;
 * an action that fails rolls its claim back, so a retry is decided afresh.
 */
@Injectable()
export class ActionRequests {
  async claim(
    manager: EntityManager,
    caller: Principal,
    key: string,
    request: { action: string; appealId: string; fingerprint: string },
  ): Promise<Claim> {
    const claimed = await manager.query<unknown[]>(
      `INSERT INTO console.action_request (caller, idempotency_key, action, appeal_id, fingerprint)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [callerKey(caller), key, request.action, request.appealId, request.fingerprint],
    );
    if (claimed.length > 0) return { kind: 'new' };
    const [first] = await manager.query<
      Array<{ action: string; appeal_id: string; fingerprint: string; answer: ActionReceipt }>
    >(
      `SELECT action, appeal_id, fingerprint, answer FROM console.action_request
       WHERE caller = $1 AND idempotency_key = $2`,
      [callerKey(caller), key],
    );
    return first.fingerprint === request.fingerprint
      ? { kind: 'replay', receipt: first.answer }
      : { kind: 'reused', action: first.action, appealId: first.appeal_id };
  }

  async answer(
    manager: EntityManager,
    caller: Principal,
    key: string,
    receipt: ActionReceipt,
  ): Promise<void> {
    await manager.query(
      `UPDATE console.action_request SET answer = $3::jsonb
       WHERE caller = $1 AND idempotency_key = $2`,
      [callerKey(caller), key, JSON.stringify(receipt)],
    );
  }
}
