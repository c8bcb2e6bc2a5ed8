import { runService } from '@app/service-kit';
import { startGroupAtEnd, TEST_CITIZEN_KEY_SECRET, testBrokers, testKafka } from '@app/testing';
import { Global, Module, type INestApplication, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import {
  AccessTokenVerifier,
  InvalidCredentialsError,
} from '../../apps/console/src/access/access-token-verifier';
import type { Principal } from '../../apps/console/src/access/principal';

/** Maps fixed test tokens to callers: the one seam these tests substitute (tests of identity itself use real tokens). */
class TestTokens extends AccessTokenVerifier {
  constructor(private readonly principals: Readonly<Record<string, Principal>>) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    const principal = this.principals[token];
    if (!principal) throw new InvalidCredentialsError('unknown test token');
    return principal;
  }
}

export interface InProcessConsoleOptions {
  databaseUrl: string;
  /**
   * A consumer group of the test's own. It starts at the end of the topics it consumes: the console takes what the
   * test publishes, not the history other files left on the shared topics.
   */
  groupId: string;
  /** Read the topics from their beginning instead, as a rebuild does the events topic (to compare the two). */
  wholeHistory?: boolean;
  /** An HTTP port for the console; 0 (the default) takes any free one. */
  port?: number;
  /**
   * Bearer token → caller, for tests of what callers may do. Without it the console's own identity module
   * verifies real tokens (tests of logins, systems and the access matrix).
   */
  principals?: Readonly<Record<string, Principal>>;
  env?: NodeJS.ProcessEnv;
}

/**
 * The console as runService starts it (migrations, CloudEvents transport, HTTP with the global pipe and filter),
 * in this process; with `principals`, compiled as a testing module whose token verifier knows the test's tokens.
 * `env` (CONSOLE_* settings) is set before the module is built and restored by `stop`.
 */
export class InProcessConsole {
  private started?: { app: INestApplication; url: string };
  private readonly saved = new Map<string, string | undefined>();

  constructor(private readonly options: InProcessConsoleOptions) {}

  get app(): INestApplication {
    return this.running.app;
  }

  get url(): string {
    return this.running.url;
  }

  get jwksUrl(): string {
    return `${this.url}/.well-known/jwks.json`;
  }

  private get running(): { app: INestApplication; url: string } {
    if (!this.started) throw new Error('the console is not started');
    return this.started;
  }

  async start(): Promise<void> {
    this.setEnv({
      DATABASE_URL: this.options.databaseUrl,
      KAFKA_BROKERS: testBrokers().join(','),
      CONSOLE_PORT: String(this.options.port ?? 0),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      // The lowest cost the configuration allows: logins in tests stay quick.
      CONSOLE_SCRYPT_LOG_N: '14',
      CONSOLE_CITIZEN_KEY_SECRET: TEST_CITIZEN_KEY_SECRET,
      ...this.options.env,
    });
    const [{ ConsoleModule }, { consoleDefinition }] = await Promise.all([
      import('../../apps/console/src/console.module'),
      import('../../apps/console/src/console.definition'),
    ]);
    const consumes = consoleDefinition.consumes;
    if (!consumes) throw new Error('the console consumes no topic');
    if (!this.options.wholeHistory)
      for (const { topic } of consumes.topics)
        await startGroupAtEnd(testKafka(`${this.options.groupId}-admin`), this.options.groupId, topic);
    const definition = { ...consoleDefinition, consumes: { ...consumes, groupId: this.options.groupId } };
    const { principals } = this.options;
    const app = principals
      ? await runService(definition, ConsoleModule, (appModule) => withTestTokens(appModule, principals))
      : await runService(definition, ConsoleModule);
    this.started = { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
  }

  async stop(): Promise<void> {
    await this.started?.app.close();
    this.started = undefined;
    for (const [name, value] of this.saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    this.saved.clear();
  }

  private setEnv(values: NodeJS.ProcessEnv): void {
    for (const [name, value] of Object.entries(values)) {
      if (!this.saved.has(name)) this.saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  }
}

/** The console module compiled with a token verifier that knows the test's tokens. */
async function withTestTokens(
  appModule: Type,
  principals: Readonly<Record<string, Principal>>,
): Promise<NestExpressApplication> {
  const tokens = new TestTokens(principals);

  @Global()
  @Module({
    providers: [{ provide: AccessTokenVerifier, useValue: tokens }],
    exports: [AccessTokenVerifier],
  })
  class TestTokensModule {}

  const moduleRef = await Test.createTestingModule({ imports: [TestTokensModule, appModule] })
    .overrideProvider(AccessTokenVerifier)
    .useValue(tokens)
    .compile();
  return moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
}
