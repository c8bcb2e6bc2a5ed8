import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  NotFoundException,
  Param,
  Post,
  UnauthorizedException,
  type LoggerService,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { QueryFailedError } from 'typeorm';
import { httpError } from './i18n/localized-http.exception';
import { UnexpectedErrorFilter } from './unexpected-error.filter';

const CITIZEN = ['Әсел Нұрланқызы', '900101400017', 'asel@example.kz', '+77011234567', 'жолды жөндеу қажет'];

/** Refusals as handlers and guards throw them: Nest's own, with a code of ours, and httpError's. */
const REFUSALS: Record<string, () => HttpException> = {
  bad: () => new BadRequestException({ statusCode: 400, code: 'invalid-request', fieldErrors: [] }),
  'no-token': () =>
    new UnauthorizedException({ code: 'unauthenticated', message: 'a bearer token is required' }),
  'not-yours': () => new ForbiddenException(),
  stale: () => httpError('stale-version'),
  'own-code': () =>
    new ConflictException({ code: 'answer-already-sent', message: 'the answer was sent already' }),
  busy: () => new ThrottlerException(),
};

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

  @Get('refusals/:name')
  refuse(@Param('name') name: string): never {
    throw (REFUSALS[name] ?? (() => new NotFoundException()))();
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
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'internal-error',
      message: 'an unexpected error occurred',
    });
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

  it('answers an HTTP error with its status, code and properties, and the message the shape needs', async () => {
    const response = await request(server()).get('/appeals/refusals/bad');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid-request',
      message: 'the request is not valid',
      fieldErrors: [],
    });
  });

  it('answers a body too large with 413 and does not log it as a failure', async () => {
    const before = logger.lines.length;
    const response = await request(server())
      .post('/appeals/echo')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: CITIZEN[4].repeat(100) }));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'payload-too-large',
      message: 'the request body is too large',
    });
    expect(logger.lines.slice(before).join('\n')).not.toContain('request failed');
  });

  describe('in the language of Accept-Language', () => {
    const get = (path: string, language?: string) => {
      const call = request(server()).get(path);
      return language === undefined ? call : call.set('accept-language', language);
    };

    // A refusal by name; 'nowhere' is no route at all.
    it.each<[string, number, string, string, string]>([
      ['no-token', 401, 'unauthenticated', 'kk', 'Жарамды қолжетімділік токені қажет.'],
      ['no-token', 401, 'unauthenticated', 'ru', 'Требуется действительный токен доступа.'],
      ['not-yours', 403, 'forbidden', 'kk', 'Сіздің рөліңіз бұл әрекетті орындауға рұқсат бермейді.'],
      ['not-yours', 403, 'forbidden', 'ru', 'Ваша роль не позволяет выполнить это действие.'],
      ['not-yours', 403, 'forbidden', 'en', 'your role does not allow this action'],
      ['nowhere', 404, 'not-found', 'kk-KZ', 'Бұл мекенжай бойынша ештеңе табылмады.'],
      ['nowhere', 404, 'not-found', 'ru-RU,ru;q=0.9', 'По этому адресу ничего не найдено.'],
      [
        'stale',
        409,
        'stale-version',
        'ru',
        'Дело изменилось после того, как вы его открыли; обновите его и повторите действие.',
      ],
      [
        'stale',
        409,
        'stale-version',
        'kk',
        'Іс сіз ашқаннан кейін өзгерді; оны жаңартып, әрекетті қайталаңыз.',
      ],
      ['busy', 429, 'too-many-requests', 'kk', 'Сұраулар тым көп; біраз күтіп, қайталап көріңіз.'],
      ['busy', 429, 'too-many-requests', 'en', 'too many requests; wait a moment and try again'],
    ])('answers %s with %i %s in %s', async (name, status, code, language, message) => {
      const response = await get(name === 'nowhere' ? '/nowhere' : `/appeals/refusals/${name}`, language);
      expect(response.status).toBe(status);
      expect(response.body).toEqual({ statusCode: status, error: expect.any(String), code, message });
    });

    it('keeps the English message of a code without translations in English, and says the status in kk and ru', async () => {
      expect((await get('/appeals/refusals/own-code')).body).toMatchObject({
        code: 'answer-already-sent',
        message: 'the answer was sent already',
      });
      expect((await get('/appeals/refusals/own-code', 'ru')).body).toMatchObject({
        code: 'answer-already-sent',
        message: 'Запрос противоречит текущему состоянию ресурса.',
      });
    });

    it('answers a body too large (413) and an unsupported charset (415) in Russian', async () => {
      const large = await request(server())
        .post('/appeals/echo')
        .set('content-type', 'application/json')
        .set('accept-language', 'ru')
        .send(JSON.stringify({ text: CITIZEN[4].repeat(100) }));
      expect(large.status).toBe(413);
      expect(large.body).toMatchObject({
        code: 'payload-too-large',
        message: 'Тело запроса слишком большое.',
      });
      const latin1 = await request(server())
        .post('/appeals/echo')
        .set('content-type', 'application/json; charset=latin1')
        .set('accept-language', 'ru')
        .send('{}');
      expect(latin1.status).toBe(415);
      expect(latin1.body).toMatchObject({
        code: 'unsupported-media-type',
        message: 'Тело запроса должно быть в формате JSON (application/json).',
      });
    });

    it('answers an outage in Kazakh, still with Retry-After', async () => {
      const response = await get('/appeals/outage', 'kk');
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({
        code: 'temporarily-unavailable',
        message: 'Сервис қазір дерекқорына қосыла алмайды; сұрауды сол Idempotency-Key арқылы қайталаңыз.',
      });
    });
  });
});
