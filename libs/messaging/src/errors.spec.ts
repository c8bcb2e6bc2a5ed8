import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { classifyFailure, describeFailure, InvalidMessageError } from './errors';

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

  it('describes any other error without the values its message quotes', () => {
    const error = errorWith('invalid input syntax for type bigint: "900101300017"', { code: '22P02' });
    expect(describeFailure(error)).toBe('Error (22P02): invalid input syntax for type bigint: "…"');
  });
});
