import type { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DEFAULT_LANGUAGE, type Language } from './language';
import { LocalizedHttpException } from './localized-http.exception';
import type { HttpErrorCode } from './messages/en';
import { translatorFor } from './translator';

/** The code of a refusal thrown without one (Nest's own exceptions, a guard's `false`, the throttler). */
const CODE_OF_STATUS: Readonly<Record<number, HttpErrorCode>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  428: 'precondition-required',
  429: 'too-many-requests',
  500: 'internal-error',
};

function codeOfStatus(status: number): HttpErrorCode {
  return CODE_OF_STATUS[status] ?? (status < 500 ? 'client-error' : 'server-error');
}

/**
 * The body of an HTTP refusal in `language`, always with `statusCode`, `error`, `code` and `message`:
 * - a {@link LocalizedHttpException} (invalidRequest, httpError) is written in that language;
 * - any other exception whose code has a message (`unauthenticated`, `forbidden`, `appeal-not-found`…)
 *   gets that message; one thrown without a code gets its status's code and message;
 * - one whose code has no message keeps its own (English) message in English, and gets its status's
 *   message in Kazakh or Russian, so that no one is answered in a language they did not ask for.
 * The body's other properties are kept (a health check's details).
 */
export function localizedAnswer(exception: HttpException, language: Language): Record<string, unknown> {
  if (exception instanceof LocalizedHttpException) return exception.bodyIn(language);
  const status = exception.getStatus();
  const thrown = exception.getResponse();
  const body = typeof thrown === 'object' && thrown !== null ? (thrown as Record<string, unknown>) : {};
  const t = translatorFor(language);
  const own = typeof body.code === 'string' ? body.code : undefined;
  const code = own ?? codeOfStatus(status);
  const catalogued = t.http(code);
  const keepsOwn =
    catalogued === undefined && language === DEFAULT_LANGUAGE && typeof body.message === 'string';
  return {
    statusCode: status,
    error: STATUS_CODES[status],
    ...body,
    code,
    message: keepsOwn ? body.message : (catalogued ?? t.http(codeOfStatus(status))),
  };
}
