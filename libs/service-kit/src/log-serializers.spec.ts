import { QueryFailedError } from 'typeorm';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { serializeError, serializeRequest } from './log-serializers';

const CITIZEN = ['Әсел Нұрланқызы', '900101400017', 'asel@example.kz', '+77011234567', 'жолды жөндеу қажет'];

describe('serializeError', () => {
  it('logs a failed query without its parameters or the values its message quotes, keeping where it failed', () => {
    const driverError = Object.assign(new Error(`invalid input syntax for type bigint: "${CITIZEN[1]}"`), {
      code: '22P02',
    });
    const error = new QueryFailedError('INSERT INTO intake.appeal VALUES ($1, $2)', CITIZEN, driverError);
    const serialized = serializeError(error);
    for (const value of CITIZEN) expect(JSON.stringify(serialized)).not.toContain(value);
    expect(serialized).toEqual({
      type: 'QueryFailedError',
      message: 'QueryFailedError (22P02): invalid input syntax for type bigint: "…"',
      stack: expect.stringMatching(/^\s+at .*log-serializers\.spec\.ts/),
    });
  });

  it('keeps no line of a message that spans lines, even one that looks like a stack frame', () => {
    const error = new Error(`bad value\n    at ${CITIZEN[4]}\nDETAIL: ${CITIZEN[0]}`);
    const serialized = serializeError(error);
    expect(JSON.stringify(serialized)).not.toContain(CITIZEN[4]);
    expect(JSON.stringify(serialized)).not.toContain(CITIZEN[0]);
    expect(serialized.stack).toMatch(/^\s+at /);
  });

  it('drops a stack that does not start with the message it was made with', () => {
    const error = new Error('first');
    error.stack = `Error: ${CITIZEN[2]}\n    at somewhere`;
    expect(serializeError(error)).toEqual({ type: 'Error', message: 'Error: first' });
  });

  it('describes what is thrown that is not an Error', () => {
    expect(serializeError('boom')).toEqual({ type: 'string', message: 'Error' });
  });
});

describe('serializeRequest', () => {
  it('logs the path of a request without its query string, however the framework parsed it', () => {
    const request = Object.assign(new IncomingMessage(new Socket()), {
      method: 'GET',
      url: '/api/v1/cases/search?q=%D3%98%D1%81%D0%B5%D0%BB',
      originalUrl: '/api/v1/cases/search?q=%D3%98%D1%81%D0%B5%D0%BB',
      query: { q: CITIZEN[0] },
      headers: { accept: 'application/json' },
    });
    const serialized = serializeRequest(request);
    expect(serialized).toMatchObject({ method: 'GET', url: '/api/v1/cases/search' });
    expect(JSON.stringify(serialized)).not.toContain(CITIZEN[0]);
    expect(JSON.stringify(serialized)).not.toContain('%D3%98');
  });
});
