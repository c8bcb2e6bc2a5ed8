import { runService } from '@app/service-kit';
import { TEST_CITIZEN_KEY_SECRET, testBrokers, testDatabaseUrl } from '@app/testing';
import type { INestApplication } from '@nestjs/common';

export interface InProcessConsole {
  app: INestApplication;
  baseUrl: string;
  jwksUrl: string;
  stop(): Promise<void>;
}

/**
 * The console as it runs in production (runService: migrations, guards, pipes, OpenAPI), in this process, on
 * a free port. `env` (CONSOLE_* settings) is set before the module is built and restored by `stop`; a
 * `groupId` of the test's own keeps its projection apart from other files' consoles on the shared topic.
 */
export async function startConsoleInProcess(
  env: NodeJS.ProcessEnv = {},
  groupId?: string,
): Promise<InProcessConsole> {
  const saved = new Map<string, string | undefined>();
  const settings: NodeJS.ProcessEnv = {
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_BROKERS: testBrokers().join(','),
    CONSOLE_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    // The lowest cost the configuration allows: logins in tests stay quick.
    CONSOLE_SCRYPT_LOG_N: '14',
    CONSOLE_CITIZEN_KEY_SECRET: TEST_CITIZEN_KEY_SECRET,
    ...env,
  };
  for (const [name, value] of Object.entries(settings)) {
    saved.set(name, process.env[name]);
    process.env[name] = value;
  }
  // Imported only now: the module reads LOG_LEVEL when it is defined.
  const [{ ConsoleModule }, { consoleDefinition }] = await Promise.all([
    import('../../apps/console/src/console.module'),
    import('../../apps/console/src/console.definition'),
  ]);
  const { consumes } = consoleDefinition;
  const definition =
    groupId && consumes ? { ...consoleDefinition, consumes: { ...consumes, groupId } } : consoleDefinition;
  const app = await runService(definition, ConsoleModule);
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    baseUrl,
    jwksUrl: `${baseUrl}/.well-known/jwks.json`,
    async stop() {
      await app.close();
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
