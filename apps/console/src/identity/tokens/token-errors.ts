import { ServiceUnavailableException } from '@nestjs/common';
import { errors } from 'jose';
import { InvalidCredentialsError } from '../../access/access-token-verifier';

/**
 * What a failed token check means for the caller: an expired or otherwise bad token is theirs (401); a key
 * set that cannot be fetched is an outage of the identity provider (503), not a reason to log anyone out.
 */
export function tokenFailure(error: unknown): Error {
  if (error instanceof InvalidCredentialsError) return error;
  if (error instanceof errors.JWTExpired) return new InvalidCredentialsError('the token has expired');
  if (error instanceof errors.JWKSTimeout || error instanceof TypeError)
    return new ServiceUnavailableException({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'identity-provider-unavailable',
      message: 'the keys that verify this token cannot be fetched right now; retry shortly',
    });
  if (error instanceof errors.JOSEError) return new InvalidCredentialsError('the token is invalid');
  return error instanceof Error ? error : new Error(String(error));
}
