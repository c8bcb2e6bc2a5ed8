import { NotificationChannel } from '@app/contracts';
import type { DeliveryChannel, OutgoingMessage, SendOutcome } from './delivery-channel';
import { fetchFailureOutcome, httpResponseOutcome } from './http-outcome';
import { SMS_GATEWAY_VARIABLES, type SmsGatewayConfig } from './sms-gateway-config';

/** What the gateway's answer says about the message: its id, when the JSON names one (the contract's `id`). */
async function describeAnswer(response: Response): Promise<string> {
  const body = await response.text().catch(() => ''); // the status alone decides; a broken body is no outcome
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return `${response.status} ${id}`;
  } catch {
    // not JSON: keep the beginning of what it said
  }
  return `${response.status} ${body.slice(0, 200)}`.trim();
}

/**
 * SMS through an HTTP gateway (the contract is in docs/notification.md): a real provider is fronted by a
 * gateway speaking it, or by one more class like this one. The gateway drops a second request with the same
 * `Idempotency-Key`, so a send whose outcome is unknown may be retried: at-least-once, effectively once.
 */
export class HttpSmsGatewayChannel implements DeliveryChannel {
  readonly channel = NotificationChannel.sms;
  readonly provider = 'http-gateway';
  readonly deduplicates = true;
  readonly missingConfiguration?: string;

  constructor(private readonly config: SmsGatewayConfig | undefined) {
    if (!config) this.missingConfiguration = SMS_GATEWAY_VARIABLES;
  }

  async send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome> {
    const { content } = message;
    if (content.kind !== 'sms') return { status: 'rejected', providerAnswer: `not an SMS: ${content.kind}` };
    if (!this.config) throw new Error(`SMS is not configured: set ${SMS_GATEWAY_VARIABLES}`);
    const { url, authorization, sender } = this.config;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': message.notificationId,
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ to: message.recipient, text: content.text, sender }),
        signal,
      });
    } catch (error) {
      return fetchFailureOutcome(error);
    }
    return httpResponseOutcome(
      response.status,
      response.headers.get('retry-after'),
      await describeAnswer(response),
    );
  }
}
