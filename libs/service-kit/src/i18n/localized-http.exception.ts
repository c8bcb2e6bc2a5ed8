import type { FieldError } from '@app/contracts';
import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DEFAULT_LANGUAGE, type Language } from './language';
import type { HttpErrorCode, RequestMessage } from './messages/en';
import { translatorFor, type Translator } from './translator';

/** The status each refusal code is answered with. */
export const HTTP_ERROR_STATUS: Readonly<Record<HttpErrorCode, number>> = {
  'bad-request': 400,
  unauthenticated: 401,
  'invalid-credentials': 401,
  'invalid-token': 401,
  forbidden: 403,
  'not-found': 404,
  'appeal-not-found': 404,
  'case-not-found': 404,
  'webhook-subscription-not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'idempotency-key-reused': 409,
  'webhook-subscription-limit': 409,
  'stale-version': 409,
  'action-not-allowed': 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
  'internal-error': 500,
  'temporarily-unavailable': 503,
  'client-error': 400,
  'server-error': 500,
  'server-busy': 503,
};

/**
 * An HTTP refusal whose body is written in the language the client asked for (the shared filter asks
 * {@link bodyIn}); on its own, as Nest and tests see it, its body is the English one.
 */
export class LocalizedHttpException extends HttpException {
  constructor(
    status: number,
    private readonly render: (t: Translator) => Record<string, unknown>,
  ) {
    super(render(translatorFor(DEFAULT_LANGUAGE)), status);
  }

  bodyIn(language: Language): Record<string, unknown> {
    return this.render(translatorFor(language));
  }
}

/**
 * The one shape of every refused request: `{ statusCode, error, code: 'invalid-request', message,
 * fieldErrors: [{ field, reason, code, message }] }`. `reason` is the rule's English text, as it always
 * was; `code` names the rule for machines; `message` says it in the client's language.
 */
export function invalidRequest(
  status: number,
  message: RequestMessage,
  fieldErrors: readonly FieldError[],
): LocalizedHttpException {
  return new LocalizedHttpException(status, (t) => ({
    statusCode: status,
    error: STATUS_CODES[status],
    code: 'invalid-request',
    message: t.request(message),
    fieldErrors: fieldErrors.map((error) => ({
      field: error.field,
      reason: error.reason,
      code: error.code ?? 'invalid',
      message: t.field(error),
    })),
  }));
}

/**
 * A refusal other than bad input, e.g. `throw httpError('case-not-found')` (404) or
 * `httpError('stale-version')` (409): `{ statusCode, error, code, message }`, the message in the
 * client's language. A new code needs its message in libs/service-kit/src/i18n/messages (kk, ru, en).
 */
export function httpError(code: HttpErrorCode): LocalizedHttpException {
  const status = HTTP_ERROR_STATUS[code];
  return new LocalizedHttpException(status, (t) => ({
    statusCode: status,
    error: STATUS_CODES[status],
    code,
    message: t.http(code),
  }));
}
