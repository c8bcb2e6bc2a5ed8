import { Topics } from '@app/contracts';
import { runService } from '@app/service-kit';
import { startGroupAtEnd, testBrokers, testKafka } from '@app/testing';
import type { INestApplication } from '@nestjs/common';

export interface InProcessEscalationOptions {
  databaseUrl: string;
  /** A consumer group of the test's own, started at the end of the events topic. */
  groupId: string;
  /** ESCALATION_* settings and the like; set before the service is built, restored by `stop`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The escalation service as it runs in production (runService: migrations, sweep, CloudEvents transport,
 * outbox relay), in this process, on the test's own database and consumer group.
 */
export class InProcessEscalation {
  private app?: INestApplication;
  private readonly saved = new Map<string, string | undefined>();

  constructor(private readonly options: InProcessEscalationOptions) {}

  async start(): Promise<void> {
    this.setEnv({
      DATABASE_URL: this.options.databaseUrl,
      KAFKA_BROKERS: testBrokers().join(','),
      ESCALATION_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ...this.options.env,
    });
    await startGroupAtEnd(testKafka('escalation-test-admin'), this.options.groupId, Topics.events);
    // Imported only now: the module reads LOG_LEVEL when it is defined.
    const [{ EscalationModule }, { escalationDefinition }] = await Promise.all([
      import('../../apps/escalation/src/escalation.module'),
      import('../../apps/escalation/src/escalation.definition'),
    ]);
    const consumes = escalationDefinition.consumes;
    if (!consumes) throw new Error('escalation consumes no topic');
    this.app = await runService(
      { ...escalationDefinition, consumes: { ...consumes, groupId: this.options.groupId } },
      EscalationModule,
    );
  }

  async stop(): Promise<void> {
    await this.app?.close();
    for (const [name, value] of this.saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }

  private setEnv(values: NodeJS.ProcessEnv): void {
    for (const [name, value] of Object.entries(values)) {
      if (!this.saved.has(name)) this.saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  }
}
