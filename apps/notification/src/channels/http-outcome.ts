import type { SendOutcome } from './delivery-channel';
import { providerAnswer } from './provider-answer';

/**
 * Statuses that say "not now": the request timed out, came too early, too often, or the server failed.
 * 401, 403, 404 and 407 say the URL or the credentials are wrong: the operator's configuration, not this
 * message, so retrying delivers once it is fixed (as a refused SMTP login does).
 */
const TRY_AGAIN = new Set([401, 403, 404, 407, 408, 425, 429]);

/** `Retry-After` in seconds or as an HTTP date, as milliseconds from `now`; undefined if absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What an HTTP peer's answer to one delivery means: 2xx sent; 5xx and the statuses above retry; other 4xx rejected. */
export function httpResponseOutcome(
  status: number,
  retryAfter: string | null,
  answer: string,
  now = Date.now(),
): SendOutcome {
  const text = providerAnswer(answer);
  if (status >= 200 && status < 300) return { status: 'sent', providerAnswer: text };
  if (status >= 400 && status < 500 && !TRY_AGAIN.has(status))
    return { status: 'rejected', providerAnswer: text };
  const after = retryAfterMs(retryAfter, now);
  return after === undefined
    ? { status: 'retry', providerAnswer: text }
    : { status: 'retry', providerAnswer: text, retryAfterMs: after };
}

/** Failures of fetch that happen before a byte of the request leaves: nothing can have been delivered. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * What a fetch that threw means: `retry` when the connection was never made; `unknown` when the request may
 * have reached the peer (reset, closed or timed out while waiting for the answer).
 */
export function fetchFailureOutcome(error: unknown): SendOutcome {
  const failure = error as Error & { cause?: Error & { code?: string } };
  const code = failure.cause?.code;
  const answer = providerAnswer(
    code ? `${code}: ${failure.cause?.message}` : `${failure.name}: ${failure.message}`,
  );
  return code && NOT_SENT.has(code)
    ? { status: 'retry', providerAnswer: answer }
    : { status: 'unknown', providerAnswer: answer };
}
