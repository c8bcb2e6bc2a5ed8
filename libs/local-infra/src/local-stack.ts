import { createKafka, ensureTopics } from '@app/messaging';
import { ensureDatabase } from '@app/persistence';
import { randomBytes } from 'node:crypto';
import { startDeliverySinks, type DeliverySinks } from './delivery-sinks';
import { SERVICE_NAMES, type ServiceName } from './service-process';
import { AppealRoutingSystem, DEFAULT_PORTS } from './system';

export interface LocalStackOptions {
  repoRoot: string;
  brokers: string[];
  databaseUrl: string;
  /** The sinks keep citizens' e-mail in `<localDir>/mail` and SMS in `<localDir>/sms`. */
  localDir: string;
  /**
   * Read for a configured SMTP server / SMS gateway / citizens' site and the sinks' ports
   * (NOTIFICATION_LOCAL_SMTP_PORT / _SMS_PORT, 0 for any free port).
   */
  env?: NodeJS.ProcessEnv;
  ports?: Partial<Record<ServiceName, number>>;
  /** On top of the demo settings (a test's log level, say). */
  extraEnv?: NodeJS.ProcessEnv;
  onLine?: (name: ServiceName, line: string) => void;
  onFile?: (file: string) => void;
  logDir?: string;
  /** Ends the start-up at once when aborted (Ctrl-C): whatever already runs is stopped. */
  signal?: AbortSignal;
}

/** The whole system on this machine as `npm start` runs it, and the browser tests too. */
export interface LocalStack {
  system: AppealRoutingSystem;
  sinks: DeliverySinks;
  /** Services first (in reverse order), then the sinks. */
  stop(): Promise<void>;
}

/** Rejects once `signal` aborts, so racing a start-up step against it ends the wait at once. */
function whenAborted(signal: AbortSignal | undefined): Promise<never> {
  const rejection = new Promise<never>((_, reject) => {
    const abort = (): void => reject(signal?.reason as Error); // an Error, or the default AbortError
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
  });
  rejection.catch(() => undefined); // unhandled only when nothing races it any more
  return rejection;
}

/** Resolves with why the first service exited. */
export function firstExit(system: AppealRoutingSystem): Promise<string> {
  return Promise.race(
    SERVICE_NAMES.map((name) =>
      system
        .service(name)
        .whenExited()
        .then((code) => `${name} exited (code ${code})`),
    ),
  );
}

/**
 * What the demo installation gives the services on top of the system's own settings: the demo users and demo
 * system with their published passwords (CONSOLE_DEMO=1: never in a deployment's settings), a key of this run
 * for the citizens' answer links (console and notification share it), links to the console's own public pages
 * unless another citizens' site is configured, and the sinks' addresses.
 */
function demoEnv(consoleUrl: string, sinks: DeliverySinks, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    CONSOLE_DEMO: '1',
    CONSOLE_CITIZEN_LINK_KEY: randomBytes(32).toString('base64url'),
    NOTIFICATION_CITIZEN_PORTAL_URL: env.NOTIFICATION_CITIZEN_PORTAL_URL?.trim() || consoleUrl,
    ...sinks.env,
  };
}

/**
 * Local delivery sinks, the database, the topics, then the five services until all are ready; gives up as soon
 * as `signal` aborts or a service exits, stopping whatever it started.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const interrupted = whenAborted(options.signal);
  const sinks = await startDeliverySinks(options.localDir, env, options.onFile);
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const system = new AppealRoutingSystem({
    repoRoot: options.repoRoot,
    brokers: options.brokers,
    databaseUrl: options.databaseUrl,
    ports,
    onLine: options.onLine,
    logDir: options.logDir,
    extraEnv: { ...demoEnv(`http://127.0.0.1:${ports.console}`, sinks, env), ...options.extraEnv },
  });
  const stop = async (): Promise<void> => {
    await system.stop();
    await sinks.stop();
  };
  try {
    await Promise.race([ensureDatabase(options.databaseUrl), interrupted]);
    const kafka = createKafka({ brokers: options.brokers, clientId: 'appeal-routing-start' });
    await Promise.race([ensureTopics(kafka), interrupted]);
    options.signal?.throwIfAborted(); // once stopping has begun, spawning services would orphan them
    const starting = system.start(); // spawns every service before its first await
    const crashed = firstExit(system).then((why) => Promise.reject(new Error(why)));
    crashed.catch(() => undefined); // a service that exits after the start is the caller's business
    await Promise.race([starting, crashed, interrupted]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { system, sinks, stop };
}
