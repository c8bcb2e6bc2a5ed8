import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  UseGuards,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import {
  ALLOWED_CALLERS,
  AuthorizeGuard,
  type Allowed,
  type AuthorizedRequest,
  type Credential,
} from './authorize.guard';
import type { Principal } from './principal';

/** The OpenAPI security scheme of bearer access tokens (the console's own, or an OIDC provider's). */
export const BEARER_SCHEME = 'bearer';

/**
 * The route needs a valid bearer token of one of these callers. Which cases the caller then sees is decided
 * by its scope, in every query, not here.
 */
export function Authorize(...allowed: Allowed[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ALLOWED_CALLERS, allowed),
    UseGuards(AuthorizeGuard),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({ description: 'No token, or one that is invalid, expired or revoked.' }),
    ApiForbiddenResponse({ description: `Open to: ${allowed.join(', ')}.` }),
  );
}

/** The authenticated caller of an {@link Authorize}d route. */
export const Caller = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthorizedRequest>().principal,
);

/** The bearer token of an {@link Authorize}d route's caller, with its expiry. */
export const CallerCredential = createParamDecorator(
  (_: unknown, context: ExecutionContext): Credential =>
    context.switchToHttp().getRequest<AuthorizedRequest>().credential,
);
