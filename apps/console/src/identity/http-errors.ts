import { UnauthorizedException } from '@nestjs/common';

/** The one wrong-credentials answer of login, refresh and client credentials: it says nothing of which part was wrong. */
export function unauthorized(message: string): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    error: 'Unauthorized',
    code: 'unauthenticated',
    message,
  });
}
