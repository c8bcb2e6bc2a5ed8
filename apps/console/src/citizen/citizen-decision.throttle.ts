import { countFromEnv } from '@app/service-kit';
import {
  HttpException,
  Injectable,
  type CanActivate,
  type ExecutionContext,
  type OnModuleInit,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerStorageService } from '@nestjs/throttler';

const WINDOW_MS = 60_000;

/** @nestjs/throttler's guard, refusing in the console's error shape. */
class RefusingThrottler extends ThrottlerGuard {
  protected override async throwThrottlingException(): Promise<void> {
    throw new HttpException(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'too-many-requests',
        message: 'too many attempts from this address: try again in a minute',
      },
      429,
    );
  }
}

/**
 * The public decision route's own limit, per client address: a few tries a minute are plenty for a citizen
 * with a link, and nothing for someone guessing secrets. It holds its own throttler (options and storage)
 * rather than extending the module-wide one, so it neither depends on nor changes the console's other limits.
 */
@Injectable()
export class CitizenDecisionThrottle implements CanActivate, OnModuleInit {
  private readonly throttler: RefusingThrottler;

  constructor(reflector: Reflector) {
    this.throttler = new RefusingThrottler(
      {
        throttlers: [
          {
            name: 'citizen-decision',
            ttl: WINDOW_MS,
            limit: countFromEnv('CONSOLE_CITIZEN_DECISION_LIMIT_PER_MINUTE', 10),
          },
        ],
      },
      new ThrottlerStorageService(),
      reflector,
    );
  }

  onModuleInit(): Promise<void> {
    return this.throttler.onModuleInit();
  }

  canActivate(context: ExecutionContext): Promise<boolean> {
    return this.throttler.canActivate(context);
  }
}
