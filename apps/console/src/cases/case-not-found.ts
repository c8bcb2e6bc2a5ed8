import { NotFoundException } from '@nestjs/common';

/**
 * The answer to a case outside the caller's scope, exactly as to one that does not exist or an id that is not
 * one: a caller learns nothing of another body's cases.
 */
export function caseNotFound(): NotFoundException {
  return new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    code: 'case-not-found',
    message: 'no case with this id is open to you',
  });
}
