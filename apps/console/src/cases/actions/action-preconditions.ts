import { invalidRequest } from '@app/service-kit';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthorizedRequest } from '../../access/authorize.guard';
import type { Principal } from '../../access/principal';
import { isAppealId } from '../case-ids';
import { caseNotFound } from '../case-not-found';
import { versionRequired } from './action-errors';

/** The headers every action needs: a key that makes a retry safe, and the version the caller decided on. */
export interface ActionPreconditions {
  idempotencyKey: string;
  ifMatch: string;
}

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Reads and checks them: a missing or overlong Idempotency-Key is 400, a missing If-Match 428. */
export function readPreconditions(headers: Request['headers']): ActionPreconditions {
  const key = String(headers['idempotency-key'] ?? '').trim();
  if (key === '' || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    throw invalidRequest(400, 'invalid-fields', [
      {
        field: 'Idempotency-Key',
        reason: `Idempotency-Key is required: 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, new for each request`,
        code: 'idempotencyKeyRequired',
        params: { max: MAX_IDEMPOTENCY_KEY_LENGTH },
      },
    ]);
  const ifMatch = String(headers['if-match'] ?? '').trim();
  if (ifMatch === '') throw versionRequired();
  return { idempotencyKey: key, ifMatch };
}

/** Who acts on which case, on which conditions: what every action route reads besides its body. */
export interface ActionCall {
  appealId: string;
  caller: Principal;
  preconditions: ActionPreconditions;
}

/**
 * The {@link ActionCall} of an `@Authorize`d route with an `:appealId` parameter. An id that is not a UUID is no
 * case (404) before anything else is read or claimed.
 */
export const ActionCallOf = createParamDecorator((_: unknown, context: ExecutionContext): ActionCall => {
  const request = context.switchToHttp().getRequest<AuthorizedRequest>();
  const appealId = String(request.params.appealId);
  if (!isAppealId(appealId)) throw caseNotFound();
  return {
    appealId,
    caller: request.principal,
    preconditions: readPreconditions(request.headers),
  };
});
