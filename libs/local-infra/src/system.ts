import { SERVICE_NAMES, ServiceProcess, type ServiceName } from './service-process';
import { answersOk, waitUntil } from './wait-until';

export interface SystemOptions {
  repoRoot: string;
  brokers: string[];
  databaseUrl: string;
  /** Port per service; the defaults are 3001..3005. */
  ports?: Partial<Record<ServiceName, number>>;
  extraEnv?: NodeJS.ProcessEnv;
  onLine?: (name: ServiceName, line: string) => void;
  logDir?: string;
}

/** The console's CONSOLE_CITIZEN_KEY_SECRET in a system started here (tests, the bench, npm start). */
export const LOCAL_CITIZEN_KEY_SECRET = 'local-system-citizen-key';

export const DEFAULT_PORTS: Record<ServiceName, number> = {
  intake: 3001,
  routing: 3002,
  escalation: 3003,
  notification: 3004,
  console: 3005,
};

/** The five services as separate processes, started together and stopped in reverse order. */
export class AppealRoutingSystem {
  readonly services: Map<ServiceName, ServiceProcess>;
  readonly ports: Record<ServiceName, number>;

  constructor(private readonly options: SystemOptions) {
    this.ports = { ...DEFAULT_PORTS, ...options.ports };
    this.services = new Map(
      SERVICE_NAMES.map((name) => [
        name,
        new ServiceProcess({
          name,
          repoRoot: options.repoRoot,
          onLine: options.onLine,
          logDir: options.logDir,
          env: {
            PORT: String(this.ports[name]),
            HOST: '127.0.0.1',
            KAFKA_BROKERS: options.brokers.join(','),
            DATABASE_URL: options.databaseUrl,
            // Intake and notification (webhook subscriptions) take external systems' tokens signed by this
            // system's console.
            INTAKE_JWKS_URL: `http://127.0.0.1:${this.ports.console}/.well-known/jwks.json`,
            NOTIFICATION_JWKS_URL: `http://127.0.0.1:${this.ports.console}/.well-known/jwks.json`,
            // Local receivers listen on 127.0.0.1 over plain http; production refuses both.
            NOTIFICATION_WEBHOOK_ALLOW_INSECURE: '1',
            // Citizens' messages link to the status and answer pages, which this system's console serves.
            NOTIFICATION_CITIZEN_PORTAL_URL: `http://127.0.0.1:${this.ports.console}`,
            // The console refuses to start without one; this one is public, as local runs are.
            CONSOLE_CITIZEN_KEY_SECRET: LOCAL_CITIZEN_KEY_SECRET,
            ...options.extraEnv,
          },
        }),
      ]),
    );
  }

  url(name: ServiceName): string {
    return `http://127.0.0.1:${this.ports[name]}`;
  }

  async start(timeoutMs = 90_000): Promise<void> {
    for (const service of this.services.values()) service.start();
    await Promise.all(SERVICE_NAMES.map((name) => this.waitReady(name, timeoutMs)));
  }

  async waitReady(name: ServiceName, timeoutMs = 90_000): Promise<void> {
    const service = this.service(name);
    const exited = service.whenExited().then((code) => {
      throw new Error(`${name} exited with code ${code} before it was ready`);
    });
    exited.catch(() => undefined); // once ready, a later exit is the caller's business
    await Promise.race([
      waitUntil(`${name} to be ready`, () => answersOk(`${this.url(name)}/health/ready`), { timeoutMs }),
      exited,
    ]);
  }

  service(name: ServiceName): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`no service ${name}`);
    return service;
  }

  async stop(): Promise<void> {
    for (const name of [...SERVICE_NAMES].reverse()) await this.service(name).stop();
  }
}
