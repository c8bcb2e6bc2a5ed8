import { WorkingCalendar } from '@app/calendar';
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { parsePolicy } from '../policies/deadline-policy';
import { PolicyBook } from '../policies/policy-book';
import { DeadlinePreview } from './deadline-preview';
import { DeadlinesController } from './deadlines.controller';

describe('GET /api/v1/deadlines/preview', () => {
  let app: INestApplication;
  const policyBook = {
    policyFor: async (_level: string | undefined, kind: string) =>
      parsePolicy({
        due: kind === 'request' ? 'PT5S' : '15 working days',
        warnBefore: ['3 working days', '1 working day'],
      }),
  };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [DeadlinesController],
      providers: [
        DeadlinePreview,
        { provide: WorkingCalendar, useValue: WorkingCalendar.load({ warn: () => undefined }) },
        { provide: PolicyBook, useValue: policyBook },
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  afterAll(() => app.close());

  const preview = (query: Record<string, string>) =>
    request(app.getHttpServer() as App)
      .get('/api/v1/deadlines/preview')
      .query(query);

  it('counts 15 working days after the registration day, naming each day skipped and why', async () => {
    const response = await preview({ receivedAt: '2026-03-20T18:30:00+05:00', kind: 'complaint' }).expect(
      200,
    );
    expect(response.body).toMatchObject({
      registeredOn: '2026-03-20',
      dueOn: '2026-04-15',
      dueAt: '2026-04-15T23:59:59.999+05:00',
      workingDays: 15,
      policy: '15 working days',
    });
    const skipped = response.body.skipped as Array<{ date: string; reason: string }>;
    expect(skipped.map((day) => day.date)).toEqual([
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-28',
      '2026-03-29',
      '2026-04-04',
      '2026-04-05',
      '2026-04-11',
      '2026-04-12',
    ]);
    expect(skipped[2].reason).toMatch(/Nauryz/i);
    expect(skipped[3].reason).toMatch(/carried over/i);
    expect(skipped[5].reason).toBe('Saturday');
  });

  it('counts from the next working day when received on a day off, also a working Sunday', async () => {
    const response = await preview({ receivedAt: '2025-01-04T10:00:00+05:00', workingDays: '15' }).expect(
      200,
    );
    expect(response.body).toMatchObject({ registeredOn: '2025-01-05', dueOn: '2025-01-27', workingDays: 15 });
  });

  it('gives the reasons in Kazakh or Russian on request', async () => {
    const kk = await preview({
      receivedAt: '2026-02-06T18:30:00+05:00',
      workingDays: '3',
      lang: 'kk',
    }).expect(200);
    const ru = await preview({
      receivedAt: '2026-02-06T18:30:00+05:00',
      workingDays: '3',
      lang: 'ru',
    }).expect(200);
    expect(kk.body.skipped[0].reason).not.toBe(ru.body.skipped[0].reason);
    expect(ru.body.skipped[0].reason).toBe('Суббота');
  });

  it('shows a drill policy as a duration with no working days', async () => {
    const response = await preview({ receivedAt: '2026-03-20T18:30:00+05:00', kind: 'request' }).expect(200);
    expect(response.body).toMatchObject({
      policy: 'PT5S',
      workingDays: null,
      dueAt: '2026-03-20T18:30:05.000+05:00',
    });
  });

  it.each<[Record<string, string | string[]>, string[]]>([
    [{ kind: 'complaint' }, ['receivedAt']],
    [{ receivedAt: 'yesterday', kind: 'complaint' }, ['receivedAt']],
    [{ receivedAt: '2026-03-20T18:30:00', kind: 'complaint' }, ['receivedAt']],
    [{ receivedAt: '1900-03-20T18:30:00Z', kind: 'complaint' }, ['receivedAt']],
    [{ receivedAt: '2100-12-31T20:00:00Z', kind: 'complaint' }, ['receivedAt']],
    [{ receivedAt: '2100-12-20T10:00:00Z', workingDays: '365' }, ['workingDays']],
    [{ receivedAt: '2026-03-20T18:30:00Z', kind: 'gripe' }, ['kind']],
    [{ receivedAt: '2026-03-20T18:30:00Z' }, ['kind', 'workingDays']],
    [{ receivedAt: '2026-03-20T18:30:00Z', kind: 'complaint', workingDays: '5' }, ['kind', 'workingDays']],
    [{ receivedAt: '2026-03-20T18:30:00Z', workingDays: '-1' }, ['workingDays']],
    [{ receivedAt: '2026-03-20T18:30:00Z', workingDays: '1e3' }, ['workingDays']],
    [{ receivedAt: '2026-03-20T18:30:00Z', workingDays: '366' }, ['workingDays']],
    [{ receivedAt: ['2026-03-20T18:30:00Z', '2026-03-21T18:30:00Z'], kind: 'complaint' }, ['receivedAt']],
    [{ receivedAt: '2026-03-20T18:30:00Z', kind: 'complaint', lang: 'de' }, ['lang']],
    [{ receivedAt: '2026-03-20T18:30:00Z', kind: 'complaint', debug: '1' }, ['debug']],
  ])('answers 400 naming the parameter for %j', async (query, fields) => {
    const response = await preview(query as Record<string, string>).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid-request' });
    expect(
      (response.body.fieldErrors as Array<{ field: string }>).map((error) => error.field).sort(),
    ).toEqual(fields);
  });
});
