import { Topics } from '@app/contracts';
import { runService, type ServiceDefinition } from '@app/service-kit';
import { startGroupAtEnd, testBrokers, testKafka } from '@app/testing';
import type { INestApplication, Type } from '@nestjs/common';

export interface InProcessServiceOptions {
  databaseUrl: string;
  /** A consumer group of the test's own, started at the end of the events topic. */
  groupId: string;
  /** The service's settings and the like; set before the service is built, restored by `stop`. */
  env?: NodeJS.ProcessEnv;
}

/** Imported only when the service starts: its module reads LOG_LEVEL when it is defined. */
export type ServiceLoader = () => Promise<{ definition: ServiceDefinition; module: Type }>;

/**
 * A service as it runs in production (runService: migrations, CloudEvents transport, outbox relay and its
 * own timers), in this process, on the test's own database and consumer group. Several can run side by side:
 * stop them in the reverse order of their start, so that each restores the environment it found.
 */
export class InProcessService {
  private app?: INestApplication;
  private readonly saved = new Map<string, string | undefined>();

  constructor(
    private readonly load: ServiceLoader,
    private readonly options: InProcessServiceOptions,
  ) {}

  async start(): Promise<void> {
    const { definition, module } = await this.loadWith({
      DATABASE_URL: this.options.databaseUrl,
      KAFKA_BROKERS: testBrokers().join(','),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ...this.options.env,
    });
    const consumes = definition.consumes;
    if (!consumes) throw new Error(`${definition.name} consumes no topic`);
    await startGroupAtEnd(testKafka(`${definition.name}-test-admin`), this.options.groupId, Topics.events);
    this.app = await runService(
      { ...definition, consumes: { ...consumes, groupId: this.options.groupId } },
      module,
    );
  }

  /** The running application: its URL, its providers. */
  get application(): INestApplication {
    if (!this.app) throw new Error('the service is not started');
    return this.app;
  }

  async stop(): Promise<void> {
    await this.app?.close();
    for (const [name, value] of this.saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }

  private async loadWith(env: NodeJS.ProcessEnv): Promise<Awaited<ReturnType<ServiceLoader>>> {
    this.setEnv(env);
    const loaded = await this.load();
    // Any free port: the service's own default would clash with a running system.
    this.setEnv({ [`${loaded.definition.name.toUpperCase()}_PORT`]: '0' });
    return loaded;
  }

  private setEnv(values: NodeJS.ProcessEnv): void {
    for (const [name, value] of Object.entries(values)) {
      if (!this.saved.has(name)) this.saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  }
}

export const escalationService: ServiceLoader = async () => {
  const [{ EscalationModule }, { escalationDefinition }] = await Promise.all([
    import('../../apps/escalation/src/escalation.module'),
    import('../../apps/escalation/src/escalation.definition'),
  ]);
  return { definition: escalationDefinition, module: EscalationModule };
};

export const routingService: ServiceLoader = async () => {
  const [{ RoutingModule }, { routingDefinition }] = await Promise.all([
    import('../../apps/routing/src/routing.module'),
    import('../../apps/routing/src/routing.definition'),
  ]);
  return { definition: routingDefinition, module: RoutingModule };
};

export const notificationService: ServiceLoader = async () => {
  const [{ NotificationModule }, { notificationDefinition }] = await Promise.all([
    import('../../apps/notification/src/notification.module'),
    import('../../apps/notification/src/notification.definition'),
  ]);
  return { definition: notificationDefinition, module: NotificationModule };
};
