import { BadRequestException, Body, Controller, Get, Post, type LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { QueryFailedError } from 'typeorm';
import { UnexpectedErrorFilter } from './unexpected-error.filter';

const CITIZEN = ['Әсел Нұрланқызы', '900101400017', 'asel@example.kz', '+77011234567', 'жолды жөндеу қажет'];

@Controller('appeals')
class FailingController {
  @Get('database')
  database(): never {
    const driverError = Object.assign(
      new Error(`invalid byte sequence for encoding "UTF8": "${CITIZEN[4]}"`),
      {
        code: '22021',
      },
    );
    throw new QueryFailedError('INSERT INTO intake.appeal VALUES ($1, $2, $3, $4, $5)', CITIZEN, driverError);
  }

  @Get('outage')
  outage(): never {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    throw new QueryFailedError('SELECT 1', [], refused);
  }

  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return body;
  }

  @Get('bad')
  bad(): never {
    throw new BadRequestException({ statusCode: 400, code: 'invalid-request', fieldErrors: [] });
  }
}

/** Everything Nest logs, as one string per call. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...args: unknown[]): void => this.record(args);
  error = (...args: unknown[]): void => this.record(args);
  warn = (...args: unknown[]): void => this.record(args);

  private record(args: unknown[]): void {
    this.lines.push(
      args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '),
    );
  }
}

describe('UnexpectedErrorFilter', () => {
  let app: NestExpressApplication;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [FailingController] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger, bodyParser: false });
    app.useBodyParser('json', { limit: '1kb' });
    app.useGlobalFilters(new UnexpectedErrorFilter(app.getHttpAdapter()));
    await app.init();
  });

  const server = (): App => app.getHttpServer();

  afterAll(async () => {
    await app?.close();
  });

  it('answers an unexpected error with a bare 500 and logs it without personal data', async () => {
    const response = await request(server()).get('/appeals/database');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ statusCode: 500, message: 'Internal Server Error' });
    const logged = logger.lines.join('\n');
    expect(logged).toContain(
      'request failed: QueryFailedError (22021): invalid byte sequence for encoding "…"',
    );
    for (const value of CITIZEN) expect(logged).not.toContain(value);
  });

  it('answers an outage with 503 and Retry-After, so that the client retries with the same key', async () => {
    const response = await request(server()).get('/appeals/outage');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toMatchObject({ statusCode: 503, code: 'temporarily-unavailable' });
  });

  it('answers an HTTP error as it was thrown', async () => {
    const response = await request(server()).get('/appeals/bad');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ statusCode: 400, code: 'invalid-request', fieldErrors: [] });
  });

  it('answers a body too large with 413 and does not log it as a failure', async () => {
    const before = logger.lines.length;
    const response = await request(server())
      .post('/appeals/echo')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: CITIZEN[4].repeat(100) }));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ statusCode: 413, message: 'request entity too large' });
    expect(logger.lines.slice(before).join('\n')).not.toContain('request failed');
  });
});
