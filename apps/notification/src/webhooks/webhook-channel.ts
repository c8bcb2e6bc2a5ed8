import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import type { DeliveryChannel, OutgoingMessage, SendOutcome } from '../channels/delivery-channel';
import { retryAfterMs } from '../channels/http-outcome';
import { receiverAnswer } from './receiver-answer';
import { StandardWebhookSigner } from './standard-webhook-signer';
import { WEBHOOK_CONFIG, type WebhookConfig } from './webhook-config';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';
import { webhookHostErrors } from './webhook-url';

const USER_AGENT = 'appeal-routing-webhooks/1';
/** Enough of a receiver's answer for the log's 200 characters; the rest is not read. */
const MAX_ANSWER_BYTES = 4096;
/** Failures before the request could reach the receiver: it certainly did not get it. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface ReceiverAnswer {
  status: number;
  body: string;
  retryAfter?: string;
}

/**
 * Delivers a lifecycle event to a system's webhook: the CloudEvent as structured JSON, signed as Standard
 * Webhooks says, POSTed to the subscription's URL. Redirects are not followed (the URL was checked, where it
 * points to was not). Unless NOTIFICATION_WEBHOOK_ALLOW_INSECURE=1, a host on a non-public address is refused
 * here and its connections refused by the agent, whatever DNS said when the system subscribed.
 * At least once: a timeout or a broken connection is retried, receivers dedupe by `webhook-id`.
 */
@Injectable()
export class WebhookChannel implements DeliveryChannel, OnModuleDestroy {
  readonly channel = 'webhook' as const;
  readonly provider = 'http';
  readonly deduplicates = true;

  private readonly agents: { 'http:': http.Agent; 'https:': https.Agent };

  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly signer: StandardWebhookSigner,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {
    this.agents = config.allowInsecure
      ? { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) }
      : {
          'http:': new RequestFilteringHttpAgent({ keepAlive: true }),
          'https:': new RequestFilteringHttpsAgent({ keepAlive: true }),
        };
  }

  onModuleDestroy(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  async send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome> {
    if (message.content.kind !== 'webhook')
      return { status: 'rejected', providerAnswer: `not a webhook message: ${message.content.kind}` };
    const subscription = await this.subscriptions.byId(message.recipient);
    if (!subscription) return { status: 'rejected', providerAnswer: 'the subscription was deleted' };
    if (!this.config.allowInsecure) {
      const [hostError] = await webhookHostErrors(subscription.url);
      // A name that does not resolve now may be a resolver's bad moment: tried again, like an outage.
      if (hostError?.code === 'unresolvableHost')
        return { status: 'retry', providerAnswer: "the URL's host does not resolve" };
      if (hostError)
        return { status: 'rejected', providerAnswer: "the URL's host is not on the public internet" };
    }
    const body = JSON.stringify(message.content.event);
    const headers = {
      'content-type': 'application/cloudevents+json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': USER_AGENT,
      ...this.signer.sign(subscription.secret, message.notificationId, new Date(), body),
    };
    let answer: ReceiverAnswer;
    try {
      answer = await this.post(new URL(subscription.url), body, headers, signal);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
      if (NOT_CONNECTED.has(code)) return { status: 'retry', providerAnswer: `connection failed: ${code}` };
      // A timeout or a broken connection after the request went: it may have arrived.
      return {
        status: 'unknown',
        providerAnswer: signal.aborted ? 'timed out' : `connection broken: ${code}`,
      };
    }
    return this.outcomeOf(answer);
  }

  private outcomeOf({ status, body, retryAfter }: ReceiverAnswer): SendOutcome {
    const providerAnswer = receiverAnswer(status, body);
    if (status >= 200 && status < 300) return { status: 'sent', providerAnswer };
    if (status === 408 || status === 429 || status >= 500)
      return { status: 'retry', providerAnswer, retryAfterMs: retryAfterMs(retryAfter ?? null) };
    // 410 Gone, any other 4xx, and a redirect (not followed): the receiver refuses this URL for good.
    return { status: 'rejected', providerAnswer };
  }

  private post(
    url: URL,
    body: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<ReceiverAnswer> {
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(
        url,
        { method: 'POST', headers, agent: this.agents[url.protocol as 'http:' | 'https:'], signal },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const answered = (enough: boolean) => {
            if (enough) response.destroy();
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              retryAfter: response.headers['retry-after'],
            });
          };
          response.on('data', (chunk: Buffer) => {
            if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
            size += chunk.length;
            if (size >= MAX_ANSWER_BYTES) answered(true);
          });
          // The status is known: a body cut short still answers.
          response.on('end', () => answered(false));
          response.on('error', () => answered(true));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}
