import type { Logger } from 'typeorm';
import { describeError, redactValues } from './redaction';

type WriteLine = (line: string) => void;

const MAX_QUERY_LENGTH = 300;

/** The SQL text with its string literals hidden: generated SQL passes values as parameters, hand-written may not. */
function sqlWithoutLiterals(query: string): string {
  return query
    .replace(/'(?:[^']|'')*'?/g, "'…'")
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

/**
 * TypeORM's own loggers print a failed query with its parameters, which are the citizen's name, IIN, e-mail
 * and text. This one writes a JSON line per failure with the statement but never its parameters, and the
 * driver's message redacted. Queries, schema builds and migrations are not logged (start-up reports
 * applied migrations itself).
 */
export class RedactingTypeOrmLogger implements Logger {
  constructor(
    private readonly application: string,
    private readonly write: WriteLine = (line) => process.stdout.write(line),
  ) {}

  logQueryError(error: string | Error, query: string): void {
    const failure = typeof error === 'string' ? redactValues(error) : describeError(error);
    this.line('error', 'query failed', { error: failure, query: sqlWithoutLiterals(query) });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // The pool's warning quotes the error it got: `Postgres pool raised an error. <message>`.
    if (level === 'warn') this.line('warn', redactValues(String(message)));
  }

  logQuery(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  private line(level: 'error' | 'warn', msg: string, extra: object = {}): void {
    this.write(
      `${JSON.stringify({ level, time: Date.now(), component: 'typeorm', application: this.application, msg, ...extra })}\n`,
    );
  }
}
