import type { NodemailerError } from 'nodemailer';
import { smtpFailureOutcome } from './smtp-outcome';

function failure(fields: Partial<NodemailerError>): NodemailerError {
  const error: NodemailerError = Object.assign(new Error(fields.message ?? 'failed'), fields);
  if (fields.response) error.responseCode = Number(fields.response.slice(0, 3));
  if (error.responseCode) error.permanent = error.responseCode >= 500 && error.responseCode !== 503;
  return error;
}

describe('smtpFailureOutcome', () => {
  it.each([
    ['a refused recipient', { code: 'EENVELOPE', command: 'RCPT TO', response: '550 5.1.1 No such user' }],
    ['a refused sender', { code: 'EENVELOPE', command: 'MAIL FROM', response: '553 5.7.1 Not allowed' }],
    ['a refused message', { code: 'EMESSAGE', command: 'DATA', response: '554 5.7.1 Spam' }],
    [
      'an address nodemailer will not send to',
      { code: 'EENVELOPE', command: 'API', message: 'Invalid recipient' },
    ],
  ])('rejects %s', (_case, fields) => {
    expect(smtpFailureOutcome(failure(fields), true).status).toBe('rejected');
  });

  it.each([
    ['a busy mailbox', { code: 'EENVELOPE', command: 'RCPT TO', response: '450 4.2.1 Try later' }],
    [
      'a temporary refusal after the data',
      { code: 'EMESSAGE', command: 'DATA', response: '451 4.3.0 Later' },
    ],
    ['a bad sequence (503)', { code: 'EENVELOPE', command: 'DATA', response: '503 5.5.1 Bad sequence' }],
    [
      'a refused login (the configuration)',
      { code: 'EAUTH', command: 'AUTH PLAIN', response: '535 5.7.8 Bad' },
    ],
    ['a refused STARTTLS', { code: 'ETLS', command: 'STARTTLS', response: '554 5.7.0 No TLS' }],
    [
      'the server closing with 421',
      { code: 'ECONNECTION', command: 'CONN', response: '421 4.3.2 Shutting down' },
    ],
  ])('retries %s, even after the data', (_case, fields) => {
    expect(smtpFailureOutcome(failure(fields), true).status).toBe('retry');
  });

  it.each([
    ['a refused connection', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' }],
    ['a failed DNS lookup', { code: 'EDNS', originalCode: 'ENOTFOUND', command: 'CONN' }],
    ['a reset', { code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN' }],
    ['a timeout', { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' as const, command: 'CONN' }],
    ['the send timeout', { code: 'EABORT', message: 'Message sending aborted' }],
  ])('retries %s before the data, and calls it unknown after', (_case, fields) => {
    expect(smtpFailureOutcome(failure(fields), false).status).toBe('retry');
    expect(smtpFailureOutcome(failure(fields), true).status).toBe('unknown');
  });

  it("keeps the server's reply line, or what failed, bounded", () => {
    expect(smtpFailureOutcome(failure({ code: 'EENVELOPE', response: '550 No' }), false).providerAnswer).toBe(
      '550 No',
    );
    expect(
      smtpFailureOutcome(
        failure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect refused' }),
        false,
      ).providerAnswer,
    ).toBe('ESOCKET/ECONNREFUSED: connect refused');
    const long = failure({ code: 'EMESSAGE', response: `554 ${'x'.repeat(5000)}` });
    expect(smtpFailureOutcome(long, true).providerAnswer).toHaveLength(1000);
  });
});
