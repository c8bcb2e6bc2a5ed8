import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** A new subscription secret: `whsec_` + base64 of 32 random bytes (the HMAC key is the decoded bytes). */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The headers that sign one delivery (Standard Webhooks, standardwebhooks.com). */
export interface WebhookSignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs as Standard Webhooks says, so receivers can verify with any of its libraries: `webhook-signature` is
 * `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)), the timestamp in unix seconds. The id is the
 * same on every attempt (receivers dedupe by it); the timestamp is the attempt's (receivers refuse old ones).
 */
export class StandardWebhookSigner {
  sign(secret: string, id: string, timestamp: Date, body: string): WebhookSignatureHeaders {
    const seconds = String(Math.floor(timestamp.getTime() / 1000));
    const key = Buffer.from(
      secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
      'base64',
    );
    const signature = createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64');
    return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': `v1,${signature}` };
  }
}
