import { fetchFailureOutcome, httpResponseOutcome, retryAfterMs } from './http-outcome';

const NOW = Date.parse('2025-03-01T10:00:00Z');

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('Sat, 01 Mar 2025 10:00:30 GMT', NOW)).toBe(30_000);
    expect(retryAfterMs('Sat, 01 Mar 2025 09:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs(null, NOW)).toBeUndefined();
  });
});

describe('httpResponseOutcome', () => {
  it.each([200, 201, 202, 204])('%i: sent', (status) => {
    expect(httpResponseOutcome(status, null, `${status} id-1`, NOW)).toEqual({
      status: 'sent',
      providerAnswer: `${status} id-1`,
    });
  });

  it.each([401, 403, 404, 407, 408, 425, 429, 500, 502, 503, 504])('%i: retry', (status) => {
    expect(httpResponseOutcome(status, null, 'x', NOW).status).toBe('retry');
  });

  it.each([400, 409, 410, 413, 415, 422])('%i: rejected', (status) => {
    expect(httpResponseOutcome(status, '5', 'x', NOW)).toEqual({ status: 'rejected', providerAnswer: 'x' });
  });

  it('passes Retry-After on', () => {
    expect(httpResponseOutcome(429, '7', '429', NOW)).toEqual({
      status: 'retry',
      providerAnswer: '429',
      retryAfterMs: 7000,
    });
  });
});

describe('fetchFailureOutcome', () => {
  function fetchFailed(code: string): Error {
    return new TypeError('fetch failed', { cause: Object.assign(new Error(`${code} happened`), { code }) });
  }

  it('retries when no connection was made', () => {
    expect(fetchFailureOutcome(fetchFailed('ECONNREFUSED'))).toEqual({
      status: 'retry',
      providerAnswer: 'ECONNREFUSED: ECONNREFUSED happened',
    });
    expect(fetchFailureOutcome(fetchFailed('UND_ERR_CONNECT_TIMEOUT')).status).toBe('retry');
  });

  it('is unknown when the request may have arrived', () => {
    expect(fetchFailureOutcome(fetchFailed('UND_ERR_SOCKET')).status).toBe('unknown');
    expect(fetchFailureOutcome(fetchFailed('ECONNRESET')).status).toBe('unknown');
    expect(fetchFailureOutcome(new DOMException('The operation timed out.', 'TimeoutError'))).toEqual({
      status: 'unknown',
      providerAnswer: 'TimeoutError: The operation timed out.',
    });
  });
});
