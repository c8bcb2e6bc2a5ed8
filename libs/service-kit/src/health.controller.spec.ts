import { KAFKA, liveness } from '@app/messaging';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthIndicatorService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import request from 'supertest';
import type { App } from 'supertest/types';
import { HealthController } from './health.controller';

/** A Kafka client whose admin never reaches a broker, as while Kafka is down. */
const unreachableKafka = {
  admin: () => ({
    connect: () => Promise.reject(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092')),
    describeCluster: () => Promise.reject(new Error('not connected')),
    disconnect: () => Promise.resolve(),
  }),
};

describe('HealthController', () => {
  let app: INestApplication;
  let postgresUp = true;
  const server = (): App => app.getHttpServer() as App;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [{ provide: KAFKA, useValue: unreachableKafka }],
    })
      .overrideProvider(TypeOrmHealthIndicator)
      .useFactory({
        factory: (indicators: HealthIndicatorService) => ({
          pingCheck: (key: string) => {
            const session = indicators.check(key);
            return postgresUp ? session.up() : session.down({ message: 'timeout of 2000ms exceeded' });
          },
        }),
        inject: [HealthIndicatorService],
      })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  afterEach(() => {
    postgresUp = true;
    liveness.unregister('consumer');
  });

  it('is ready while PostgreSQL answers, even with Kafka away: appeals wait in the outbox', async () => {
    const response = await request(server()).get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' } } });
    expect(response.body.info).not.toHaveProperty('kafka');
  });

  it('is not ready while PostgreSQL does not answer', async () => {
    postgresUp = false;
    const response = await request(server()).get('/health/ready');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'error', error: { postgres: { status: 'down' } } });
  });

  it('reports Kafka on its own endpoint, 503 while it is unreachable', async () => {
    const response = await request(server()).get('/health/kafka');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'error',
      error: { kafka: { status: 'down', message: expect.stringContaining('ECONNREFUSED') } },
    });
  });

  it('is live while every liveness check is fine, and 503 naming the problem while one is not', async () => {
    let consumerRunning = true;
    liveness.register('consumer', () => (consumerRunning ? undefined : 'not running since 12:00:00'));
    expect((await request(server()).get('/health/live')).status).toBe(200);

    consumerRunning = false;
    const down = await request(server()).get('/health/live');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'error', problems: { consumer: 'not running since 12:00:00' } });

    consumerRunning = true;
    expect((await request(server()).get('/health/live')).status).toBe(200);
  });

  it('stays live through outages: neither PostgreSQL nor Kafka is asked', async () => {
    postgresUp = false;
    expect((await request(server()).get('/health/live')).status).toBe(200);
  });
});
