import {
  createParamDecorator,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type Provider,
} from '@nestjs/common';
import type { Request } from 'express';
import { SYSTEM_ACCESS_CONFIG, type SystemAccessConfig } from './system-access-config';
import { SystemTokens, unauthenticated, type ExternalSystem } from './system-tokens';

interface SystemRequest extends Request {
  principal: ExternalSystem;
}

/** 401 unless the request carries an external system's valid bearer token (meant for this service). */
@Injectable()
export class SystemTokenGuard implements CanActivate {
  constructor(private readonly systems: SystemTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SystemRequest>();
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/i.exec(request.headers.authorization ?? '');
    if (!match)
      throw unauthenticated("a system's bearer token is required (POST /api/v1/auth/token at the console)");
    request.principal = await this.systems.verify(match[1]);
    return true;
  }
}

/** The system a {@link SystemTokenGuard}ed route is called by. */
export const CallingSystem = createParamDecorator(
  (_: unknown, context: ExecutionContext): ExternalSystem =>
    context.switchToHttp().getRequest<SystemRequest>().principal,
);

/**
 * What a module lists so that its routes may use {@link SystemTokenGuard}: the access settings (a factory run
 * at start-up, given the providers named in `inject`) and the verifier.
 */
export function systemAccessProviders(
  config: (...dependencies: never[]) => SystemAccessConfig,
  inject: Array<string | symbol> = [],
): Provider[] {
  return [{ provide: SYSTEM_ACCESS_CONFIG, useFactory: config, inject }, SystemTokens];
}
