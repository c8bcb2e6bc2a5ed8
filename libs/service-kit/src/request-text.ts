import type { FieldError } from '@app/contracts';
import type { NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { invalidRequest } from './i18n/localized-http.exception';

const REASON = 'contains a NUL character or bytes that are not UTF-8';

/** The URL with its percent escapes decoded; undefined when they decode to bytes that are not UTF-8. */
function decodedUrl(url: string): string | undefined {
  try {
    return decodeURIComponent(url);
  } catch {
    return undefined; // a malformed escape or an escaped byte sequence that is not UTF-8
  }
}

/** Node keeps each header byte as one latin1 character: back to the bytes the client sent. */
function isReadableHeader(value: string): boolean {
  return !value.includes('\0') && isUtf8(Buffer.from(value, 'latin1'));
}

/** The parts of the request line and headers no route could read as text, each as a field error. */
export function unreadableParts(request: Pick<Request, 'originalUrl' | 'rawHeaders'>): FieldError[] {
  const problems: FieldError[] = [];
  const url = decodedUrl(request.originalUrl);
  if (url === undefined || url.includes('\0'))
    problems.push({ field: 'url', reason: `url ${REASON}`, code: 'invalidCharacters' });
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const field = `headers.${request.rawHeaders[index].toLowerCase()}`;
    if (!isReadableHeader(request.rawHeaders[index + 1]))
      problems.push({ field, reason: `${field} ${REASON}`, code: 'invalidCharacters' });
  }
  return problems;
}

/**
 * Express middleware ahead of every route: PostgreSQL refuses a NUL in text and bytes that are not UTF-8
 * (error 22021), so such a path, query or header value reaching a query would be a 500. Refused here, for
 * every service and route, with the contract's 400.
 */
export function refuseUnreadableRequests(request: Request, _response: Response, next: NextFunction): void {
  const problems = unreadableParts(request);
  if (problems.length === 0) return next();
  next(invalidRequest(400, 'unreadable-request', problems));
}
