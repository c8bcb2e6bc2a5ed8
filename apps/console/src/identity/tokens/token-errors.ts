import { ServiceUnavailableException } from '@nestjs/common';
import { errors } from 'jose';
import { InvalidCredentialsError } from '../../access/access-token-verifier';

/**
 * What a failed signature check means for the caller: a token jose finds expired or bad is theirs (401);
 * anything else came from fetching the key set (a timeout, a refused connection): an outage of the identity
 * provider (503), not a reason to log anyone out.
 */
export function tokenFailure(error: unknown): Error {
  if (error instanceof InvalidCredentialsError) return error;
  if (error instanceof errors.JWTExpired) return new InvalidCredentialsError('the token has expired');
  if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout))
    return new InvalidCredentialsError('the token is invalid');
  return new ServiceUnavailableException({
    statusCode: 503,
    error: 'Service Unavailable',
    code: 'identity-provider-unavailable',
    message: 'the keys that verify this token cannot be fetched right now; retry shortly',
  });
}
