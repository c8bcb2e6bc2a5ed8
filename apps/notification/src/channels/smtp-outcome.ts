import type { NodemailerError } from 'nodemailer';
import type { SendOutcome } from './delivery-channel';
import { providerAnswer } from './provider-answer';

/** nodemailer's codes for a refusal of this message (its envelope or its content), not of the session. */
const ABOUT_THE_MESSAGE = new Set(['EENVELOPE', 'EMESSAGE']);

function describe(error: NodemailerError): string {
  if (error.response) return error.response;
  const code = [error.code, error.originalCode ?? error.timeoutType].filter(Boolean).join('/');
  return `${code || 'error'}: ${error.message}`;
}

/**
 * What a failed SMTP send means for the notification. `dataStarted`: whether a byte of the message had been
 * handed to the server (after its 354 to DATA) when the send failed.
 * - A permanent (5xx) answer to MAIL FROM, RCPT TO or the message itself, or an address nodemailer would not
 *   send to: `rejected`; the same message would be refused again.
 * - Any other answer of the server (4xx anywhere; a 5xx while setting the session up: greeting, EHLO,
 *   STARTTLS, AUTH): `retry`. A refused login (535) or TLS is the operator's configuration, not the
 *   citizen's message, so retrying delivers once the configuration is fixed.
 * - No answer (connection refused, reset, timed out, DNS, TLS handshake, the send timeout's abort): `retry`
 *   while the message data had not started, since nothing can have been delivered; `unknown` after, since the
 *   server may have queued it without saying so. SMTP cannot drop a second copy, so that one is not retried.
 */
export function smtpFailureOutcome(error: NodemailerError, dataStarted: boolean): SendOutcome {
  const answer = providerAnswer(describe(error));
  const aboutTheMessage = ABOUT_THE_MESSAGE.has(error.code ?? '');
  if (aboutTheMessage && (error.permanent || error.responseCode === undefined))
    return { status: 'rejected', providerAnswer: answer };
  if (error.responseCode !== undefined || !dataStarted) return { status: 'retry', providerAnswer: answer };
  return { status: 'unknown', providerAnswer: answer };
}
