import { Topics } from '@app/contracts';
import { runService } from '@app/service-kit';
import {
  EventTap,
  PORTAL_SOURCE,
  startGroupAtEnd,
  TestTokenIssuer,
  testDatabaseUrl,
  testKafka,
} from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import type { Producer } from 'kafkajs';

/** Intake as it runs in production, in this process, with a producer for its topic and a tap on its outputs. */
export interface InProcessIntake {
  app: INestApplication;
  baseUrl: string;
  /** Publishes to `appeals.intake.v1`. */
  producer: Producer;
  /** Reads `appeals.events.v1` and `appeals.intake.dlq.v1` from the beginning. */
  tap: EventTap;
  /** Signs the system tokens intake takes (its JWKS is what INTAKE_JWKS_URL names). */
  issuer: TestTokenIssuer;
  /** `Bearer <token>` of the portal system (source PORTAL_SOURCE), for POST /api/v1/appeals. */
  authorization: string;
  stop(): Promise<void>;
}

/**
 * Starts intake (runService: body parser, validation pipe, CloudEvents transport) on a free port. It takes
 * the system tokens of its own {@link TestTokenIssuer} unless `env` names another JWKS (a console's).
 */
export async function startIntakeInProcess(
  clientId: string,
  env: NodeJS.ProcessEnv = {},
): Promise<InProcessIntake> {
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.INTAKE_PORT = '0';
  process.env.HOST = '127.0.0.1';
  process.env.LOG_LEVEL = 'error';
  // Tests here post thousands of generated bodies as one system; limits have their own test.
  process.env.INTAKE_RATE_LIMIT ??= '1000000/60';
  const issuer = await TestTokenIssuer.start();
  Object.assign(process.env, issuer.intakeEnv(), env);
  // Imported only now: the module reads LOG_LEVEL when it is defined.
  const [{ IntakeModule }, { intakeDefinition }] = await Promise.all([
    import('../../apps/intake/src/intake.module'),
    import('../../apps/intake/src/intake.definition'),
  ]);
  // Only what the test publishes: other files' backlog on the shared topics is not this intake's to chew through.
  const admin = testKafka(`${clientId}-admin`);
  for (const topic of [Topics.intake, Topics.events])
    await startGroupAtEnd(admin, intakeDefinition.consumes?.groupId ?? 'intake', topic);
  const app = await runService(intakeDefinition, IntakeModule);
  const baseUrl = await app.getUrl();
  const kafka = testKafka(clientId);
  const producer = kafka.producer();
  await producer.connect();
  const tap = new EventTap(kafka, [Topics.events, Topics.intakeDeadLetter]);
  await tap.start();
  return {
    app,
    baseUrl,
    producer,
    tap,
    issuer,
    // Longer than any test file runs; expiry is tested where it matters.
    authorization: `Bearer ${await issuer.systemToken(PORTAL_SOURCE, { expiresInSeconds: 3600 })}`,
    async stop() {
      await app.close();
      await tap.stop();
      await producer.disconnect();
      await issuer.stop();
    },
  };
}
