import {
  HttpException,
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type FactoryProvider,
  type Provider,
} from '@nestjs/common';
import { APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { normalizeIp, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';

/** At most `limit` requests in any `windowMs`; one more answers 429 until the window has passed. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/**
 * `<limit>/<seconds>` from the environment, e.g. `INTAKE_RATE_LIMIT_TRACKING=30/60` (30 requests a minute);
 * unset or blank gives `fallback`. A bad value stops the service with a message naming the variable.
 */
export function rateLimitFromEnv(
  name: string,
  fallback: RateLimit,
  env: NodeJS.ProcessEnv = process.env,
): RateLimit {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const match = /^(\d{1,9})\/(\d{1,7})$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    throw new Error(`${name} must be <requests>/<seconds> with both at least 1, e.g. 60/60; got "${raw}"`);
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

/**
 * A service's limits: `authenticated` counts per credential (the user or the system the guard let through),
 * `anonymous` per client address; a route may name a bucket of its own with {@link RateLimited}.
 */
export interface RateLimitRules {
  authenticated: RateLimit;
  anonymous: RateLimit;
  buckets?: Record<string, RateLimit>;
}

const MINUTE = 60_000;

/**
 * A service's rules from `<PREFIX>_RATE_LIMIT` (per credential, 600 a minute by default),
 * `<PREFIX>_RATE_LIMIT_ANONYMOUS` (per address, 120 a minute) and one variable per bucket of its own.
 */
export function rateLimitRulesFromEnv(
  prefix: string,
  buckets: Record<string, { variable: string; fallback: RateLimit }>,
  env: NodeJS.ProcessEnv = process.env,
): RateLimitRules {
  return {
    authenticated: rateLimitFromEnv(`${prefix}_RATE_LIMIT`, { limit: 600, windowMs: MINUTE }, env),
    anonymous: rateLimitFromEnv(`${prefix}_RATE_LIMIT_ANONYMOUS`, { limit: 120, windowMs: MINUTE }, env),
    buckets: Object.fromEntries(
      Object.entries(buckets).map(([name, { variable, fallback }]) => [
        name,
        rateLimitFromEnv(variable, fallback, env),
      ]),
    ),
  };
}

export const RATE_LIMIT_RULES = Symbol('RATE_LIMIT_RULES');
const RATE_LIMIT_BUCKET = 'service-kit:rate-limit-bucket';

/** The route counts against the named bucket of {@link RateLimitRules}, or against no limit at all (`false`). */
export const RateLimited = (bucket: string | false): MethodDecorator & ClassDecorator =>
  SetMetadata(RATE_LIMIT_BUCKET, bucket);

/** The authenticated caller, as an auth guard leaves it on the request (the console's and intake's agree). */
type Credential = { kind: 'staff'; userId: string } | { kind: 'system'; clientId: string };

function credentialKey(request: Request & { principal?: Credential }): string | undefined {
  const principal = request.principal;
  if (principal?.kind === 'staff') return `staff:${principal.userId}`;
  if (principal?.kind === 'system') return `system:${principal.clientId}`;
  return undefined;
}

/**
 * Counts each request against its caller's bucket: per credential when a guard authenticated it (so an
 * akimat's operators behind one address do not share a limit), per address otherwise. An interceptor rather
 * than a guard because it must run after the route's auth guard has said who is calling. Counts are kept in
 * this process (@nestjs/throttler's storage): with several replicas each one counts its own share.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    @Inject(RATE_LIMIT_RULES) private readonly rules: RateLimitRules,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const bucket = this.reflector.getAllAndOverride<string | false | undefined>(RATE_LIMIT_BUCKET, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (bucket === false) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const credential = credentialKey(request);
    const limit = this.limitOf(bucket, credential !== undefined);
    const caller = credential ?? `address:${normalizeIp(request.ip ?? 'unknown')}`;
    const name = bucket ?? (credential ? 'authenticated' : 'anonymous');
    const key = `${name}:${context.getClass().name}.${context.getHandler().name}:${caller}`;
    const record = await this.storage.increment(key, limit.windowMs, limit.limit, limit.windowMs, name);
    if (record.isBlocked) {
      context
        .switchToHttp()
        .getResponse<Response>()
        .setHeader('Retry-After', String(Math.max(1, record.timeToBlockExpire)));
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          code: 'rate-limited',
          message: `too many requests; retry after ${Math.max(1, record.timeToBlockExpire)} s`,
        },
        429,
      );
    }
    return next.handle();
  }

  private limitOf(bucket: string | undefined, authenticated: boolean): RateLimit {
    if (bucket !== undefined) {
      const limit = this.rules.buckets?.[bucket];
      if (!limit) throw new Error(`no rate limit bucket "${bucket}" is configured`);
      return limit;
    }
    return authenticated ? this.rules.authenticated : this.rules.anonymous;
  }
}

/**
 * The providers a service module lists to limit every route of the service: `rules` is a factory run at
 * start-up, given the providers named in `inject`.
 */
export function rateLimitProviders(
  rules: (...dependencies: never[]) => RateLimitRules,
  inject: FactoryProvider['inject'] = [],
): Provider[] {
  return [
    { provide: RATE_LIMIT_RULES, useFactory: rules, inject },
    { provide: ThrottlerStorage, useClass: ThrottlerStorageService },
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
  ];
}
