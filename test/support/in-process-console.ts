import { runService } from '@app/service-kit';
import { testBrokers, testDatabaseUrl } from '@app/testing';
import { Global, Module, type INestApplication, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import {
  AccessTokenVerifier,
  InvalidCredentialsError,
} from '../../apps/console/src/access/access-token-verifier';
import type { Principal } from '../../apps/console/src/access/principal';

/**
 * Turns test tokens into callers: the one seam a console test substitutes (identity is not under test here);
 * Kafka and PostgreSQL stay real.
 */
export class TestTokens extends AccessTokenVerifier {
  constructor(private readonly principals: Readonly<Record<string, Principal>>) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    const principal = this.principals[token];
    if (!principal) throw new InvalidCredentialsError('unknown test token');
    return principal;
  }
}

export interface InProcessConsole {
  app: INestApplication;
  baseUrl: string;
  stop(): Promise<void>;
}

/** The console as runService starts it (migrations, pipes, outbox relay), on a free port, with test tokens. */
export async function startConsoleInProcess(
  tokens: TestTokens,
  env: NodeJS.ProcessEnv = {},
): Promise<InProcessConsole> {
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_BROKERS: testBrokers().join(','),
    CONSOLE_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    ...env,
  });
  // Imported only now: the module reads LOG_LEVEL when it is defined.
  const [{ ConsoleModule }, { consoleDefinition }] = await Promise.all([
    import('../../apps/console/src/console.module'),
    import('../../apps/console/src/console.definition'),
  ]);
  // Global, so the guard finds the verifier from every module until identity provides one to override.
  @Global()
  @Module({ providers: [{ provide: AccessTokenVerifier, useValue: tokens }], exports: [AccessTokenVerifier] })
  class TestTokensModule {}
  const app = await runService(consoleDefinition, ConsoleModule, async (appModule: Type) => {
    const compiled = await Test.createTestingModule({ imports: [appModule, TestTokensModule] })
      .overrideProvider(AccessTokenVerifier)
      .useValue(tokens)
      .compile();
    return compiled.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  });
  return { app, baseUrl: await app.getUrl(), stop: () => app.close() };
}
