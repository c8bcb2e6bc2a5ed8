import { QueryFailedError, type Logger } from 'typeorm';
import { RedactingTypeOrmLogger } from './redacting-typeorm-logger';

const CITIZEN = ['Әсел Нұрланқызы', '900101400017', 'asel@example.kz', '+77011234567', 'жолды жөндеу қажет'];

/** A logger writing into an array: `lines()` parses what it wrote, `text()` is all of it. */
function capture(): {
  /** Called as TypeORM calls it, through its interface: with the parameters. */
  logger: Logger;
  lines: () => Array<Record<string, unknown>>;
  text: () => string;
} {
  const written: string[] = [];
  return {
    logger: new RedactingTypeOrmLogger('intake', (line) => written.push(line)),
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
  };
}

function expectNoPersonalData(text: string): void {
  for (const value of CITIZEN) expect(text).not.toContain(value);
}

describe('RedactingTypeOrmLogger', () => {
  const insert =
    'INSERT INTO "intake"."appeal"("full_name", "iin", "email", "phone", "text") VALUES ($1, $2, $3, $4, $5)';

  it('logs a failed query with its statement and SQLSTATE but none of its parameters', () => {
    const driverError = Object.assign(
      new Error(`duplicate key value violates unique constraint "appeal_iin_key"`),
      { code: '23505', detail: `Key (iin)=(${CITIZEN[1]}) already exists.`, parameters: CITIZEN },
    );
    const { logger, lines, text } = capture();
    logger.logQueryError(new QueryFailedError(insert, CITIZEN, driverError), insert, CITIZEN);

    expectNoPersonalData(text());
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'error',
        component: 'typeorm',
        application: 'intake',
        msg: 'query failed',
        error: 'QueryFailedError (23505): duplicate key value violates unique constraint "…"',
        query: insert,
      }),
    ]);
  });

  it('hides what the driver quotes from a value it could not store', () => {
    const { logger, text } = capture();
    logger.logQueryError(
      Object.assign(new Error(`invalid input syntax for type bigint: "${CITIZEN[1]}"`), { code: '22P02' }),
      'SELECT 1',
      [CITIZEN[1]],
    );
    expectNoPersonalData(text());
    expect(text()).toContain('invalid input syntax for type bigint');
  });

  it('hides string literals written into the statement itself', () => {
    const { logger, lines, text } = capture();
    logger.logQueryError(
      'syntax error',
      `SELECT * FROM intake.appeal WHERE email = '${CITIZEN[2]}' AND x = 'it''s'`,
    );
    expectNoPersonalData(text());
    expect(lines()[0].query).toBe("SELECT * FROM intake.appeal WHERE email = '…' AND x = '…'");
  });

  it('redacts the error the pool warns about', () => {
    const { logger, text } = capture();
    logger.log('warn', `Postgres pool raised an error. error: invalid input syntax: "${CITIZEN[0]}"`);
    expectNoPersonalData(text());
    expect(text()).toContain('Postgres pool raised an error');
  });

  it('does not log queries, their parameters or migrations', () => {
    const { logger, text } = capture();
    logger.logQuery(insert, CITIZEN);
    logger.logQuerySlow(5000, insert, CITIZEN);
    logger.logMigration('Migration Init1700000000000 has been executed successfully.');
    logger.logSchemaBuild('creating a new table: intake.appeal');
    logger.log('info', CITIZEN[0]);
    expect(text()).toBe('');
  });
});
