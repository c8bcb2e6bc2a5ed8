import { HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { answerBodyParserErrors, refuseInvalidUtf8 } from './json-body';

/** What the middleware hands on to Nest's error handler. */
function passedOn(error: unknown): unknown {
  const next = jest.fn();
  answerBodyParserErrors(error, {} as Request, {} as Response, next);
  expect(next).toHaveBeenCalledTimes(1);
  return next.mock.calls[0][0];
}

/** body-parser's errors carry a status, a type and the raw body. */
function bodyParserError(message: string, status: number, type: string): Error {
  return Object.assign(new Error(message), { status, type, body: '{"fullName": "Әсел"' });
}

describe('answerBodyParserErrors', () => {
  it('answers a body that is not JSON with 400 in the contract shape, without quoting the body', () => {
    const error = passedOn(
      bodyParserError(
        `Unexpected token 'Ә', "{"fullName": Әсел" is not valid JSON`,
        400,
        'entity.parse.failed',
      ),
    );
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(400);
    expect((error as HttpException).getResponse()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid-request',
      message: 'the request body cannot be read',
      fieldErrors: [
        {
          field: '',
          reason: `body is not valid JSON: Unexpected token 'Ә', "…" is not valid JSON`,
          code: 'invalidJson',
          message: 'the request body is not valid JSON',
        },
      ],
    });
    expect(JSON.stringify((error as HttpException).getResponse())).not.toContain('fullName');
  });

  it.each([
    ['request entity too large', 413, 'entity.too.large', 'Payload Too Large', 'bodyTooLarge'],
    [
      'unsupported charset "LATIN1"',
      415,
      'charset.unsupported',
      'Unsupported Media Type',
      'unsupportedCharset',
    ],
  ])('answers "%s" with %i in the contract shape', (message, status, type, statusText, code) => {
    const error = passedOn(bodyParserError(message, status, type)) as HttpException;
    expect(error.getStatus()).toBe(status);
    expect(error.getResponse()).toMatchObject({
      statusCode: status,
      error: statusText,
      fieldErrors: [{ field: '', reason: message, code, message: expect.any(String) }],
    });
  });

  it.each([
    [
      'an error of the server',
      Object.assign(new Error('stream failed'), { status: 500, type: 'stream.failed' }),
    ],
    ['an error without a type', Object.assign(new Error('x'), { status: 400 })],
    ['not an error at all', 'oops'],
  ])('passes on %s unchanged', (_case, error) => {
    expect(passedOn(error)).toBe(error);
  });
});

describe('refuseInvalidUtf8', () => {
  it('lets UTF-8 through, Kazakh letters and emoji included', () => {
    expect(() => refuseInvalidUtf8({}, {}, Buffer.from('{"text":"Әкімдік 😀"}'), 'utf-8')).not.toThrow();
  });

  it('refuses bytes that are not UTF-8 with a 400 that answerBodyParserErrors recognises', () => {
    let thrown: unknown;
    try {
      refuseInvalidUtf8({}, {}, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'utf-8');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ status: 400, type: 'encoding.invalid' });
    expect((passedOn(thrown) as HttpException).getStatus()).toBe(400);
  });

  it('leaves other charsets body-parser accepts to their decoder', () => {
    expect(() => refuseInvalidUtf8({}, {}, Buffer.from('{}', 'utf16le'), 'utf-16le')).not.toThrow();
  });
});
