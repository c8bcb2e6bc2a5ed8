import { classifyFailure, describeFailure } from '@app/messaging';
import {
  Catch,
  HttpException,
  InternalServerErrorException,
  Logger,
  type ArgumentsHost,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { negotiateLanguage } from './i18n/language';
import { localizedAnswer } from './i18n/localized-answer';
import { httpError } from './i18n/localized-http.exception';

/** Seconds a client is asked to wait before it retries a request that met an outage. */
const RETRY_AFTER_SECONDS = 5;

/**
 * body-parser's errors (http-errors: 413 for a body too large, 400 for JSON it cannot parse) are the
 * client's, answered with their status as Nest does, and not logged as failures of ours.
 */
function clientError(exception: unknown): HttpException | undefined {
  const { statusCode, message, expose } = (exception ?? {}) as {
    statusCode?: unknown;
    message?: unknown;
    expose?: unknown;
  };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return undefined;
  const shown = expose === false || typeof message !== 'string' ? STATUS_CODES[statusCode] : message;
  return new HttpException({ statusCode, message: shown }, statusCode);
}

/**
 * Nest logs an unexpected error of an HTTP handler with its message and stack, and a database error's
 * message quotes the row it failed on: the citizen's name, IIN or text. This filter logs it described
 * without values and answers a bare 500; HTTP errors (400, 404, 409, 503 …) are answered with their
 * status, in the language of the request's Accept-Language ({@link localizedAnswer}).
 * A transient failure (the database away, a lost connection, a timeout) is an outage, not a fault of the
 * request: 503 with Retry-After, so the client retries with the same Idempotency-Key and nothing is lost.
 */
@Catch()
export class UnexpectedErrorFilter extends BaseExceptionFilter {
  private readonly log = new Logger('HTTP');

  override catch(exception: unknown, host: ArgumentsHost): void {
    this.answer(this.classify(exception, host), host);
  }

  private classify(exception: unknown, host: ArgumentsHost): HttpException {
    if (exception instanceof HttpException) return exception;
    const answer = clientError(exception);
    if (answer) return answer;
    if (classifyFailure(exception) === 'transient') {
      this.log.warn(`request met an outage: ${describeFailure(exception)}`);
      host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return httpError('temporarily-unavailable');
    }
    this.log.error(`request failed: ${describeFailure(exception)}`);
    return new InternalServerErrorException();
  }

  /** In the language of the request's Accept-Language; only HTTP has a request to read it from. */
  private answer(exception: HttpException, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    const request = host.switchToHttp().getRequest<Request>();
    const language = negotiateLanguage(request.headers['accept-language']);
    super.catch(new HttpException(localizedAnswer(exception, language), exception.getStatus()), host);
  }
}
