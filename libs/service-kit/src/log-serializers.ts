import { describeFailure } from '@app/messaging';
import type { IncomingMessage } from 'node:http';
import { stdSerializers } from 'pino';

/**
 * The stack's frames without its first lines, which repeat the message: a stack is only kept when it starts
 * with exactly `name: message`, so no part of a message (which may span lines) is ever kept.
 */
function framesOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return undefined;
  const header = String(error);
  if (!error.stack.startsWith(header)) return undefined;
  return error.stack.slice(header.length).replace(/^\n/, '') || undefined;
}

/**
 * pino's `err` serializer: the error's type, its message described without the values it quotes, and the
 * stack frames. pino-http logs `err` on a 5xx, and code that logs an Error object ends up here too.
 */
export function serializeError(error: unknown): { type: string; message: string; stack?: string } {
  const name = (error as { name?: unknown } | null)?.name;
  const stack = framesOf(error);
  return {
    type: typeof name === 'string' ? name : typeof error,
    message: describeFailure(error),
    ...(stack !== undefined && { stack }),
  };
}

/**
 * pino's `req` serializer without the query string: a query may be personal (the console's full-text search
 * term, a filter by a citizen's e-mail), so a request is logged by its path only, everywhere.
 */
export function serializeRequest(request: IncomingMessage): Record<string, unknown> {
  const { url, query: _query, ...rest } = { ...stdSerializers.req(request) };
  return { ...rest, url: typeof url === 'string' ? url.split('?')[0] : url };
}
