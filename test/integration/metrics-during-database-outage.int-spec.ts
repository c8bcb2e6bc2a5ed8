import { migrateServiceSchema, type ServiceDataSourceOptions } from '@app/persistence';
import { MetricsController } from '@app/service-kit';
import { testDatabaseUrl } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import net from 'node:net';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DeadlineGauges } from '../../apps/escalation/src/clock/deadline-metrics';
import { escalationDefinition } from '../../apps/escalation/src/escalation.definition';

/**
 * Escalation's /metrics reads its deadline gauge from PostgreSQL. Through a TCP proxy that the test cuts (the
 * machine's PostgreSQL keeps running), the scrape must go on answering 200 with every metric while the
 * database is unreachable, and count the missed reads.
 */
jest.setTimeout(60_000);

/** Forwards to PostgreSQL until cut; once cut, it drops every connection and takes new ones without answering. */
class CuttableProxy {
  private readonly sockets = new Set<net.Socket>();
  private cut = false;
  private readonly server = net.createServer((client) => {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    if (this.cut) return; // a black hole: the connection attempt hangs, as to a vanished server
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });

  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  cutOff(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.cutOff();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('/metrics while PostgreSQL is unreachable', () => {
  let app: INestApplication;
  let proxy: CuttableProxy;
  const server = (): App => app.getHttpServer() as App;

  beforeAll(async () => {
    const direct = new URL(testDatabaseUrl());
    const options: ServiceDataSourceOptions = {
      url: direct.toString(),
      schema: escalationDefinition.schema,
      entities: escalationDefinition.entities,
      migrations: escalationDefinition.migrations,
      applicationName: 'metrics-outage-int-spec',
    };
    await migrateServiceSchema(options);

    proxy = new CuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(await proxy.listen());
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: proxied.toString(),
          entities: escalationDefinition.entities,
          extra: { connectionTimeoutMillis: 5000 },
        }),
      ],
      controllers: [MetricsController],
      providers: [DeadlineGauges],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.close();
  });

  it('keeps answering 200 with every metric and counts the missed reads of the deadline gauge', async () => {
    const before = await request(server()).get('/metrics');
    expect(before.status).toBe(200);
    expect(before.text).toContain('# TYPE appeals_deadlines gauge');

    proxy.cutOff();
    for (let scrape = 0; scrape < 3; scrape += 1) {
      const during = await request(server()).get('/metrics');
      expect(during.status).toBe(200);
      expect(during.text).toContain('# TYPE appeals_deadlines gauge');
      expect(during.text).toContain('process_cpu_seconds_total');
    }
    const after = await request(server()).get('/metrics');
    expect(after.text).toMatch(/appeals_metrics_collect_failures_total\{gauge="appeals_deadlines"\} [1-9]/);
  });
});
