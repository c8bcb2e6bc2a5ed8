import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokenVerifier, InvalidCredentialsError } from './access-token-verifier';
import type { Principal, StaffRole } from './principal';

export type Allowed = StaffRole | 'system';
export const ALLOWED_CALLERS = 'console:allowed-callers';

/** The bearer token the caller was let in with, for a stream that must check it again while it runs. */
export interface Credential {
  token: string;
  expiresAt?: Date;
}

/** The request after the guard let it through: who is calling, and with what. */
export interface AuthorizedRequest extends Request {
  principal: Principal;
  credential: Credential;
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/i.exec(header);
  return match?.[1];
}

function allowedKind(principal: Principal): Allowed {
  return principal.kind === 'system' ? 'system' : principal.role;
}

/** 401 without a valid token, 403 for a caller whose role the route does not allow. */
@Injectable()
export class AuthorizeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Allowed[] | undefined>(ALLOWED_CALLERS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) return true;
    const request = context.switchToHttp().getRequest<AuthorizedRequest>();
    const token = bearerToken(request);
    if (!token) throw unauthorized('unauthenticated', 'a bearer token is required');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) throw unauthorized('invalid-token', error.message);
      throw error;
    }
    request.principal = principal;
    request.credential = { token, expiresAt: this.verifier.expiresAt(token) };
    if (!allowed.includes(allowedKind(principal)))
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        code: 'forbidden',
        message: `this action is not open to the ${allowedKind(principal)} role`,
      });
    return true;
  }
}

/**
 * Why a caller is no one, as a stable code (its message comes in the client's language): no token at all, a
 * token that is not (or no longer) valid, or a wrong login or secret.
 */
export type UnauthenticatedCode = 'unauthenticated' | 'invalid-token' | 'invalid-credentials';

/** The 401 of a caller who is no one: the same body from the guard and from the identity routes. */
export function unauthorized(code: UnauthenticatedCode, message: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', code, message });
}
