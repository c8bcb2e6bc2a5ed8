import { describeError, redactValues } from './redaction';

/** An Error with the extra properties drivers attach (code, driverError). */
function errorWith(message: string, extra: Record<string, unknown>): Error {
  return Object.assign(new Error(message), extra);
}

describe('describeError', () => {
  it('keeps only the first line, and hides what it quotes', () => {
    const error = errorWith(
      'duplicate key value violates unique constraint "appeals_pkey"\nDETAIL:  Key (iin)=(900101300017) already exists.',
      { code: '23505' },
    );
    const described = describeError(error);
    expect(described).toBe('Error (23505): duplicate key value violates unique constraint "…"');
    expect(described).not.toContain('900101300017');
  });

  it('hides a row value PostgreSQL quotes in the first line, keeping name, SQLSTATE and wording', () => {
    const queryFailed = errorWith('invalid input syntax for type bigint: "900101300017"', {
      name: 'QueryFailedError',
      driverError: { code: '22P02' },
    });
    expect(describeError(queryFailed)).toBe(
      'QueryFailedError (22P02): invalid input syntax for type bigint: "…"',
    );
  });

  it('hides the values of a key detail in the first line', () => {
    const described = describeError(errorWith('Key (iin)=(900101300017) already exists.', { code: '23505' }));
    expect(described).toBe('Error (23505): Key (…)=(…) already exists.');
  });

  it('truncates long messages to 200 characters', () => {
    const described = describeError(new Error(`${'x'.repeat(200)}SECRET-TAIL`));
    expect(described).toBe(`Error: ${'x'.repeat(200)}`);
    expect(described).not.toContain('SECRET');
  });

  it("shows the driver's SQLSTATE of a QueryFailedError together with the error name", () => {
    const queryFailed = errorWith('connection terminated unexpectedly', {
      name: 'QueryFailedError',
      driverError: { code: '57P01' },
    });
    expect(describeError(queryFailed)).toBe('QueryFailedError (57P01): connection terminated unexpectedly');
  });

  it('shows the node error code', () => {
    expect(describeError(errorWith('connect ECONNREFUSED 127.0.0.1:9092', { code: 'ECONNREFUSED' }))).toBe(
      'Error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:9092',
    );
  });

  it('describes values that are not errors without failing', () => {
    expect(describeError(undefined)).toBe('Error');
    expect(describeError(null)).toBe('Error');
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
