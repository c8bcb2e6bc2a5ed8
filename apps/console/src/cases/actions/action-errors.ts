import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { etagOf } from './acting-case';
import type { Refused } from './case-state-machine';

function answer(status: number, code: string, message: string, extra: object = {}): HttpException {
  return new HttpException(
    { statusCode: status, error: STATUS_CODES[status], code, message, ...extra },
    status,
  );
}

/** The state machine said no: its code and reason. */
export class ActionRefusedException extends HttpException {
  constructor(readonly refusal: Refused) {
    super(
      {
        statusCode: HttpStatus.CONFLICT,
        error: STATUS_CODES[HttpStatus.CONFLICT],
        code: refusal.code,
        message: refusal.message,
      },
      HttpStatus.CONFLICT,
    );
  }
}

export function staleVersion(version: number): HttpException {
  return answer(409, 'stale-version', 'the case has changed since you read it: reload it and decide again', {
    etag: etagOf(version),
  });
}

export function versionRequired(): HttpException {
  return answer(428, 'if-match-required', "If-Match with the case's ETag is required for an action");
}

export function idempotencyKeyReused(): HttpException {
  return answer(
    422,
    'idempotency-key-reused',
    'this Idempotency-Key was already used for a different request: use a new key for a new request',
  );
}
