import { runService } from '@app/service-kit';
import { Topics } from '@app/contracts';
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
   * A consumer group of the test's own. It starts at the end of the events topic: the console projects what the
   * test publishes, not the history other files left on the shared topic.
   */
  groupId: string;
  /** Read the events topic from its beginning instead, as a rebuild does (to compare the two). */
  wholeHistory?: boolean;
  /** One of the console's HTTP ports for tests (3650-3699). */
  port: number;
  /** Bearer token → caller. */
  principals: Readonly<Record<string, Principal>>;
  env?: NodeJS.ProcessEnv;
}

/**
 * The console as runService starts it (migrations, CloudEvents transport, HTTP with the global pipe and filter),
 * in this process, compiled as a testing module whose token verifier knows the test's tokens.
 */
export class InProcessConsole {
  private app?: INestApplication;
  private readonly saved = new Map<string, string | undefined>();

  constructor(private readonly options: InProcessConsoleOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async start(): Promise<void> {
    this.setEnv({
      DATABASE_URL: this.options.databaseUrl,
      KAFKA_BROKERS: testBrokers().join(','),
      CONSOLE_PORT: String(this.options.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
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
      await startGroupAtEnd(testKafka(`${this.options.groupId}-admin`), this.options.groupId, Topics.events);
    const tokens = new TestTokens(this.options.principals);

    @Global()
    @Module({
      providers: [{ provide: AccessTokenVerifier, useValue: tokens }],
      exports: [AccessTokenVerifier],
    })
    class TestTokensModule {}

    this.app = await runService(
      { ...consoleDefinition, consumes: { ...consumes, groupId: this.options.groupId } },
      ConsoleModule,
      async (appModule: Type) => {
        const moduleRef = await Test.createTestingModule({ imports: [TestTokensModule, appModule] })
          .overrideProvider(AccessTokenVerifier)
          .useValue(tokens)
          .compile();
        return moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
      },
    );
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
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
