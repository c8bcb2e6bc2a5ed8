import {
  createParamDecorator,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { SubmittingSystems, type SubmittingSystem } from './submitting-system';

interface SystemRequest extends Request {
  principal: SubmittingSystem;
}

/** 401 unless the request carries an external system's valid bearer token. */
@Injectable()
export class SystemTokenGuard implements CanActivate {
  constructor(private readonly systems: SubmittingSystems) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SystemRequest>();
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/i.exec(request.headers.authorization ?? '');
    if (!match)
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'unauthenticated',
        message: "a system's bearer token is required (POST /api/v1/auth/token at the console)",
      });
    request.principal = await this.systems.verify(match[1]);
    return true;
  }
}

/** The system a {@link SystemTokenGuard}ed route is called by. */
export const SubmittedBy = createParamDecorator(
  (_: unknown, context: ExecutionContext): SubmittingSystem =>
    context.switchToHttp().getRequest<SystemRequest>().principal,
);
