import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { classifyFailure, describeFailure, InvalidMessageError, redactValues } from './errors';

/** An Error with the extra properties drivers attach (code, retriable, driverError, cause). */
function errorWith(message: string, extra: Record<string, unknown>): Error {
  return Object.assign(new Error(message), extra);
}

describe('classifyFailure', () => {
  it('sends invalid data straight to the dead-letter topic', () => {
    const error = new InvalidMessageError('invalid-payload', 'data is not an appeal', [
      { field: 'kind', reason: 'kind must be one of: complaint' },
    ]);
    expect(classifyFailure(error)).toBe('invalid');
  });

  it('treats a refused connection as transient', () => {
    expect(classifyFailure(errorWith('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }))).toBe(
      'transient',
    );
  });

  it.each([
    ['08006', 'connection failure'],
    ['57P01', 'admin shutdown'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock detected'],
    ['57014', 'canceling statement due to statement timeout'],
  ])('treats PostgreSQL SQLSTATE %s (%s) as transient', (code, message) => {
    expect(classifyFailure(errorWith(message, { code }))).toBe('transient');
  });

  it('treats errors kafkajs marks retriable as transient', () => {
    class KafkaJSConnectionError extends Error {
      readonly retriable = true;
    }
    expect(classifyFailure(new KafkaJSConnectionError('Connection error'))).toBe('transient');
  });

  it.each([new QueryRunnerAlreadyReleasedError(), new QueryRunnerProviderAlreadyReleasedError()])(
    'treats a transaction whose connection PostgreSQL dropped (%s) as transient',
    (error) => {
      expect(classifyFailure(error)).toBe('transient');
    },
  );

  it('looks into the driverError of a TypeORM QueryFailedError', () => {
    const queryFailed = errorWith('Query failed', {
      name: 'QueryFailedError',
      driverError: { code: '08006', message: 'connection failure' },
    });
    expect(classifyFailure(queryFailed)).toBe('transient');
  });

  it('looks into the cause chain', () => {
    const root = errorWith('connect ECONNREFUSED', { code: 'ECONNREFUSED' });
    const wrapped = new Error('could not write outbox', {
      cause: new Error('query failed', { cause: root }),
    });
    expect(classifyFailure(wrapped)).toBe('transient');
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('boom')],
    ['a unique violation (23505)', errorWith('duplicate key value', { code: '23505' })],
    [
      'invalid text representation (22P02)',
      errorWith('invalid input syntax for type uuid', { code: '22P02' }),
    ],
    [
      'a QueryFailedError with a unique violation',
      errorWith('Query failed', { driverError: { code: '23505', message: 'duplicate key value' } }),
    ],
    ['a kafkajs error that is not retriable', errorWith('Topic authorization failed', { retriable: false })],
    ['a thrown string', 'boom'],
    ['undefined', undefined],
  ])('classifies %s as unknown', (_what, error) => {
    expect(classifyFailure(error)).toBe('unknown');
  });
});

describe('describeFailure', () => {
  it('keeps the message of invalid data, which names fields, not values', () => {
    expect(describeFailure(new InvalidMessageError('invalid-json', 'message value is not valid JSON'))).toBe(
      'message value is not valid JSON',
    );
  });

  it('keeps only the first line, and hides what it quotes', () => {
    const error = errorWith(
      'duplicate key value violates unique constraint "appeals_pkey"\nDETAIL:  Key (iin)=(900101300017) already exists.',
      { code: '23505' },
    );
    const described = describeFailure(error);
    expect(described).toBe('Error (23505): duplicate key value violates unique constraint "…"');
    expect(described).not.toContain('900101300017');
  });

  it('hides a row value PostgreSQL quotes in the first line, keeping name, SQLSTATE and wording', () => {
    const queryFailed = errorWith('invalid input syntax for type bigint: "900101300017"', {
      name: 'QueryFailedError',
      driverError: { code: '22P02' },
    });
    expect(describeFailure(queryFailed)).toBe(
      'QueryFailedError (22P02): invalid input syntax for type bigint: "…"',
    );
  });

  it('hides the values of a key detail in the first line', () => {
    const described = describeFailure(
      errorWith('Key (iin)=(900101300017) already exists.', { code: '23505' }),
    );
    expect(described).toBe('Error (23505): Key (…)=(…) already exists.');
  });

  it('truncates long messages to 200 characters', () => {
    const described = describeFailure(new Error(`${'x'.repeat(200)}SECRET-TAIL`));
    expect(described).toBe(`Error: ${'x'.repeat(200)}`);
    expect(described).not.toContain('SECRET');
  });

  it("shows the driver's SQLSTATE of a QueryFailedError together with the error name", () => {
    const queryFailed = errorWith('connection terminated unexpectedly', {
      name: 'QueryFailedError',
      driverError: { code: '57P01' },
    });
    expect(describeFailure(queryFailed)).toBe('QueryFailedError (57P01): connection terminated unexpectedly');
  });

  it('shows the node error code', () => {
    expect(describeFailure(errorWith('connect ECONNREFUSED 127.0.0.1:9092', { code: 'ECONNREFUSED' }))).toBe(
      'Error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:9092',
    );
  });

  it('describes values that are not errors without failing', () => {
    expect(describeFailure(undefined)).toBe('Error');
    expect(describeFailure(null)).toBe('Error');
  });
});

describe('redactValues', () => {
  it.each([
    ['invalid input syntax for type bigint: "900101300017"', 'invalid input syntax for type bigint: "…"'],
    ['value "900101300017" is out of range for type integer', 'value "…" is out of range for type integer'],
    ['Key (iin)=(900101300017) already exists.', 'Key (…)=(…) already exists.'],
    ['Key (lower(email::text))=(asel@example.kz) already exists.', 'Key (…)=(…) already exists.'],
    ['Key (full_name)=(Әсел (Аружан) Нұрланқызы) already exists.', 'Key (…)=(…) already exists.'],
    [
      'Key (period)=(2026) conflicts with existing key (period)=(2025).',
      'Key (…)=(…) conflicts with existing key (…)=(…).',
    ],
    [
      'new row for relation "appeals" violates check constraint "appeals_kind_check"',
      'new row for relation "…" violates check constraint "…"',
    ],
    ['Unexpected token \'o\', "not json" is not valid JSON', 'Unexpected token \'o\', "…" is not valid JSON'],
    [
      'Unexpected token \'}\', "{"iin": 9001}" is not valid JSON',
      'Unexpected token \'}\', "…" is not valid JSON',
    ],
    [
      'Unexpected token \'x\', "xx{"iin"... is not valid JSON',
      'Unexpected token \'x\', "…"... is not valid JSON',
    ],
    [
      'Unexpected token \'x\', ..."iin": "9001"... is not valid JSON',
      'Unexpected token \'x\', ..."…"... is not valid JSON',
    ],
    ['connect ECONNREFUSED 127.0.0.1:5432', 'connect ECONNREFUSED 127.0.0.1:5432'],
  ])('redacts %p', (text, redacted) => {
    expect(redactValues(text)).toBe(redacted);
  });

  it('hides a value that itself holds quotes, since drivers do not escape them', () => {
    expect(redactValues('invalid input syntax for type integer: "ab"c 900101300017"')).toBe(
      'invalid input syntax for type integer: "…"',
    );
  });

  it('hides everything after a quote that is never closed', () => {
    expect(redactValues('invalid input syntax for type bigint: "9001013')).toBe(
      'invalid input syntax for type bigint: "…',
    );
  });
});
