import { NotificationChannel } from '@app/contracts';
import type { OnApplicationShutdown } from '@nestjs/common';
import {
  createTransport,
  type NodemailerError,
  type SMTPPoolSentMessageInfo,
  type Transporter,
} from 'nodemailer';
import type { Readable } from 'node:stream';
import type { DeliveryChannel, OutgoingMessage, SendOutcome } from './delivery-channel';
import { providerAnswer } from './provider-answer';
import { SMTP_VARIABLES, type SmtpConfig } from './smtp-config';
import { smtpFailureOutcome } from './smtp-outcome';

/**
 * E-mail over SMTP through a pool of connections (nodemailer). SMTP has no idempotency key, so it does not
 * deduplicate: a send that broke after the message data started is `unknown` and is not retried.
 */
export class SmtpEmailChannel implements DeliveryChannel, OnApplicationShutdown {
  readonly channel = NotificationChannel.email;
  readonly provider = 'smtp';
  readonly deduplicates = false;
  readonly missingConfiguration?: string;
  private readonly transporter?: Transporter<SMTPPoolSentMessageInfo>;
  /**
   * The stream the pool reads each message from, by Message-ID while it is being sent. The pool reads it only
   * after the server's 354 to DATA, so whether it was read tells a failure before the handover from one after.
   */
  private readonly messageStreams = new Map<string, Readable>();

  constructor(private readonly config: SmtpConfig | undefined) {
    if (!config) {
      this.missingConfiguration = SMTP_VARIABLES;
      return;
    }
    // No logger: nodemailer's would write addresses.
    this.transporter = createTransport(config.transport);
    this.transporter.use('stream', (mail, done) => {
      const messageId = mail.data.messageId as string;
      const createReadStream = mail.message.createReadStream.bind(mail.message);
      mail.message.createReadStream = () => {
        const stream = createReadStream();
        this.messageStreams.set(messageId, stream);
        return stream;
      };
      done();
    });
  }

  async send(message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome> {
    const { content } = message;
    if (content.kind !== 'email')
      return { status: 'rejected', providerAnswer: `not an e-mail: ${content.kind}` };
    if (!this.transporter || !this.config) throw new Error(`e-mail is not configured: set ${SMTP_VARIABLES}`);
    const messageId = `<notification-${message.notificationId}@${this.config.messageIdDomain}>`;
    try {
      const info = await this.transporter.sendMail({
        from: this.config.from,
        to: message.recipient,
        subject: content.subject,
        text: content.text,
        html: content.html,
        messageId,
        signal,
      });
      return { status: 'sent', providerAnswer: providerAnswer(info.response) };
    } catch (error) {
      const dataStarted = this.messageStreams.get(messageId)?.readableDidRead ?? false;
      return smtpFailureOutcome(error as NodemailerError, dataStarted);
    } finally {
      this.messageStreams.delete(messageId);
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
