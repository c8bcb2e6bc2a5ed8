import type { FieldError } from '@app/contracts';
import { redactValues } from '@app/persistence';
import type { NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { invalidRequest } from './i18n/localized-http.exception';

/**
 * Express's default of 100 kB is less than the longest appeal the contract allows, once a client
 * escapes its Kazakh or Russian text as \uXXXX (six bytes a letter); the largest valid body is ~200 kB.
 */
export const JSON_BODY_LIMIT = '1mb';

/** The errors body-parser passes on (http-errors): a status, and a `type` such as `entity.parse.failed`. */
interface BodyParserError extends Error {
  status: number;
  type: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError>;
  return (
    error instanceof Error &&
    typeof candidate.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/**
 * body-parser's `verify` hook. body-parser decodes bytes that are not UTF-8 to U+FFFD without a word, so
 * the appeal would be stored altered; the Kafka entrance refuses the same bytes as invalid-encoding.
 */
export function refuseInvalidUtf8(
  _request: unknown,
  _response: unknown,
  body: Buffer,
  encoding: string,
): void {
  if (encoding === 'utf-8' && !isUtf8(body)) {
    throw Object.assign(new Error('the request body is not valid UTF-8'), {
      status: 400,
      type: 'encoding.invalid',
    });
  }
}

/** The field error code of each body-parser failure type; any other is `unreadableBody`. */
export const BODY_ERROR_CODES: Readonly<Record<string, string>> = {
  'entity.parse.failed': 'invalidJson',
  'encoding.invalid': 'invalidUtf8',
  'entity.too.large': 'bodyTooLarge',
  'charset.unsupported': 'unsupportedCharset',
  'encoding.unsupported': 'unsupportedEncoding',
};

function bodyError(error: BodyParserError): FieldError {
  const code = BODY_ERROR_CODES[error.type] ?? 'unreadableBody';
  const reason =
    code === 'invalidJson' ? `body is not valid JSON: ${redactValues(error.message)}` : error.message;
  return code === 'bodyTooLarge'
    ? { field: '', reason, code, params: { limit: JSON_BODY_LIMIT } }
    : { field: '', reason, code };
}

/**
 * Express error middleware for the line after the JSON body parser: a body that is not JSON, too large or
 * of an unsupported charset gets the contract's 4xx shape. Nest would answer a parse failure with V8's
 * message, which quotes a piece of the body.
 */
export function answerBodyParserErrors(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  if (!isBodyParserError(error)) return next(error);
  next(invalidRequest(error.status, 'unreadable-body', [bodyError(error)]));
}
