import { testDatabaseUrl } from '@app/testing';
import { InProcessConsole } from './console-in-process';

/**
 * The console as it runs in production, with its own identity module (real logins and system tokens), on a free
 * port. `groupId`: a consumer group of the test's own, started at the end of the shared events topic.
 */
export async function startConsoleInProcess(
  env: NodeJS.ProcessEnv = {},
  groupId = 'console',
): Promise<InProcessConsole> {
  const consoleApp = new InProcessConsole({ databaseUrl: testDatabaseUrl(), groupId, env });
  await consoleApp.start();
  return consoleApp;
}
