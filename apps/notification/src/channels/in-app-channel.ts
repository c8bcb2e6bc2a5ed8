import { NotificationChannel, Topics } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { DeliveryChannel, OutgoingMessage, SendOutcome } from './delivery-channel';

/**
 * Staff's messages in the console. Delivering one is the `kz.notifications.sent.v1` event that carries its
 * title and body, which the dispatcher writes to the outbox in the transaction that marks it sent: there is
 * nothing to call, so it is exactly once.
 */
@Injectable()
export class InAppChannel implements DeliveryChannel {
  readonly channel = NotificationChannel.inApp;
  readonly provider = 'console';
  readonly deduplicates = true;

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    if (message.content.kind !== 'in-app')
      return { status: 'rejected', providerAnswer: `not an in-app message: ${message.content.kind}` };
    return { status: 'sent', providerAnswer: `published to ${Topics.notifications}` };
  }
}
