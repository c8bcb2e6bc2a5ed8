import { HttpException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { IDENTITY_CONFIG, type IdentityConfig } from '../identity-config';
import { afterFailure, blockedFor } from './login-throttle-rules';
import { LoginThrottleRepository } from './login-throttle.repository';

/** 429 for a blocked username, the same whether an account has it or not; `Retry-After` from its seconds. */
export class LoginThrottledException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate-limited',
        message: `too many failed logins for this username; retry after ${retryAfterSeconds} s`,
      },
      429,
    );
  }
}

/** Failed logins counted per username, with a growing block; a success clears the count. */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttles: LoginThrottleRepository,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** Seconds the username must wait before another attempt; 0 when it may try now. */
  async retryAfterSeconds(username: string): Promise<number> {
    const state = await this.throttles.find(this.dataSource.manager, username);
    return Math.ceil(blockedFor(state, new Date()) / 1000);
  }

  /** Counts a failure; the seconds of the block it earned, or 0 when it earned none. */
  async failed(username: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.throttles.ensure(manager, username);
      const now = new Date();
      const state = afterFailure(
        await this.throttles.find(manager, username, true),
        now,
        this.config.loginThrottle,
      );
      await this.throttles.save(manager, username, state);
      return Math.ceil(blockedFor(state, now) / 1000);
    });
  }

  succeeded(manager: EntityManager, username: string): Promise<void> {
    return this.throttles.clear(manager, username);
  }
}
