import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests: keeps every message it accepts, parsed. It can go down and come back on the
 * same port, as a mail relay in an outage would.
 */
export class MailCatcher {
  readonly messages: ParsedMail[] = [];
  /** How long the server takes to answer each message, as a slow relay would. */
  answerDelayMs = 0;
  private server?: SMTPServer;
  private port = 0;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Down means down: the pool's open connections are cut at once, not after smtp-server's 30 s grace.
      closeTimeout: 200,
      onData: (stream, _session, done) => {
        simpleParser(stream)
          .then((mail) => {
            setTimeout(() => {
              this.messages.push(mail);
              done();
            }, this.answerDelayMs);
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: connections are refused until {@link start} is called again (on the same port). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((mail) =>
      (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) =>
        to?.value.some((v) => v.address === address),
      ),
    );
  }
}
