/**
 * The e-mail scenario: how many e-mails per second notification's dispatcher hands to a local SMTP server, next
 * to the floor of the same run (nodemailer alone, the same pool, the same server), and that each went once.
 */
import { answersOk, ServiceProcess, waitUntil } from '@app/local-infra';
import { createTransport } from 'nodemailer';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { MessageRenderer } from '../../apps/notification/src/templates/message-renderer';

export interface EmailContext {
  repoRoot: string;
  brokers: string[];
  databaseUrl: string;
  logDir: string;
  log: (line: string) => void;
  /** notification's HTTP port in this scenario. */
  port: number;
}

interface EmailResult {
  name: string;
  count: number;
  seconds: number;
}

const POOL = 32;
const FROM = 'Өтініштер <noreply@appeals.bench.kz>';

/** A local SMTP server that counts what it accepts and the distinct Message-IDs among them. */
class CountingSmtpServer {
  received = 0;
  readonly messageIds = new Set<string>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, done) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        this.received += 1;
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1];
        if (id) this.messageIds.add(id);
        done();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.received = 0;
    this.messageIds.clear();
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function sampleEmail(): { subject: string; text: string; html: string } {
  const content = new MessageRenderer().citizen('appeal-registered', 'email', 'kk', {
    trackingNumber: 'KZ-2026-BNCH-0001',
    citizenName: 'Әлия Нұрланова',
    trackUrl: 'https://portal.example.kz/track/KZ-2026-BNCH-0001',
  });
  if (content.kind !== 'email') throw new Error('the sample must be an e-mail');
  return content;
}

async function waitForCount(
  smtp: CountingSmtpServer,
  count: number,
  log: EmailContext['log'],
): Promise<void> {
  let shown = 0;
  await waitUntil(
    `${count} e-mails at the SMTP server`,
    async () => {
      if (Date.now() - shown >= 2_000) {
        log(`  ${smtp.received}/${count} e-mails received`);
        shown = Date.now();
      }
      return smtp.received >= count;
    },
    { timeoutMs: 600_000, intervalMs: 20 },
  );
}

/** nodemailer alone: the fastest this machine hands e-mails to this server with the same pool. */
async function measureFloor(
  smtp: CountingSmtpServer,
  url: string,
  count: number,
  context: EmailContext,
): Promise<EmailResult> {
  const transport = createTransport({ url, pool: true, maxConnections: POOL, maxMessages: Infinity });
  const email = sampleEmail();
  const started = process.hrtime.bigint();
  let next = 0;
  const sender = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      await transport.sendMail({
        from: FROM,
        to: `citizen-${index}@example.kz`,
        messageId: `<floor-${index}@bench>`,
        ...email,
      });
    }
  };
  await Promise.all(Array.from({ length: POOL }, sender));
  await waitForCount(smtp, count, context.log);
  transport.close();
  return {
    name: 'nodemailer alone (floor)',
    count,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

/** N pending e-mails committed at once; the dispatcher of one notification process sends them. */
async function measureDispatcher(
  smtp: CountingSmtpServer,
  url: string,
  count: number,
  context: EmailContext,
): Promise<EmailResult> {
  const service = new ServiceProcess({
    name: 'notification',
    repoRoot: context.repoRoot,
    logDir: context.logDir,
    env: {
      PORT: String(context.port),
      HOST: '127.0.0.1',
      KAFKA_BROKERS: context.brokers.join(','),
      DATABASE_URL: context.databaseUrl,
      LOG_LEVEL: 'warn',
      NOTIFICATION_SMTP_URL: url,
      NOTIFICATION_MAIL_FROM: FROM,
      NOTIFICATION_SMTP_POOL_SIZE: String(POOL),
      NOTIFICATION_CONCURRENCY_EMAIL: String(POOL * 2),
      // No console runs in this scenario and no system calls the webhook API; it only has to start.
      NOTIFICATION_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    },
  });
  const db = new Client({ connectionString: context.databaseUrl });
  await db.connect();
  try {
    // The throughput run leaves hundreds of thousands of SMS and in-app rows pending (no gateway runs in the
    // bench): a dispatcher would send those too. A fresh schema (the service migrates it on start) holds only
    // this scenario's e-mails.
    await db.query('DROP SCHEMA IF EXISTS notification CASCADE');
    service.start();
    await waitUntil(
      'notification to be ready',
      () => answersOk(`http://127.0.0.1:${context.port}/health/ready`),
      {
        timeoutMs: 90_000,
      },
    );
    smtp.reset();
    const started = process.hrtime.bigint();
    await db.query(
      `INSERT INTO notification.notification
         (event_id, event_type, appeal_id, tracking_number, recipient_kind, recipient, channel, template, language,
          status, content)
       SELECT gen_random_uuid()::text, 'kz.appeals.registered.v1', gen_random_uuid(), 'KZ-2026-BNCH-' || i,
              'citizen', 'citizen-' || i || '@example.kz', 'email', 'appeal-registered', 'kk', 'pending', $2::jsonb
         FROM generate_series(1, $1) AS i`,
      [count, JSON.stringify({ kind: 'email', ...sampleEmail() })],
    );
    // Over when every row is recorded as sent (the SMTP server's 250 and the dispatcher's transaction).
    let shown = 0;
    await waitUntil(
      `${count} e-mails recorded as sent`,
      async () => {
        const { rows } = await db.query<{ sent: number }>(
          `SELECT count(*)::int AS sent FROM notification.notification WHERE status = 'sent' AND tracking_number LIKE 'KZ-2026-BNCH-%'`,
        );
        if (Date.now() - shown >= 2_000) {
          context.log(`  ${rows[0].sent}/${count} recorded as sent, ${smtp.received} at the SMTP server`);
          shown = Date.now();
        }
        return rows[0].sent >= count;
      },
      { timeoutMs: 600_000, intervalMs: 50 },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // A second copy would come after the first: give it a moment before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return { name: 'notification dispatcher', count, seconds };
  } finally {
    await db.end();
    await service.stop();
  }
}

/** The dispatcher's rate and the floor's, and whether each e-mail reached the server exactly once. */
export async function measureEmailDelivery(
  count: number,
  context: EmailContext,
): Promise<{ dispatcher: EmailResult; floor: EmailResult; eachOnce: boolean }> {
  const smtp = new CountingSmtpServer();
  const url = await smtp.start();
  try {
    context.log(`e-mail scenario: ${count} e-mails to a local SMTP server, pool of ${POOL} connections...`);
    const floor = await measureFloor(smtp, url, count, context);
    const dispatched = await measureDispatcher(smtp, url, count, context);
    const doubled = smtp.received - smtp.messageIds.size;
    const missing = count - smtp.messageIds.size;
    const perSecond = (result: EmailResult): number => result.count / result.seconds;
    console.table(
      [floor, dispatched].map((result) => ({
        measurement: result.name,
        'e-mails': result.count,
        seconds: Number(result.seconds.toFixed(2)),
        'e-mails per second': Math.round(perSecond(result)),
        'share of floor': `${((perSecond(result) / perSecond(floor)) * 100).toFixed(1)}%`,
      })),
    );
    const eachOnce = doubled === 0 && missing === 0;
    context.log(
      `dispatcher: ${Math.round(perSecond(dispatched))} e-mails/s (target ≥ 500/s); ` +
        (eachOnce ? 'each sent once' : `${doubled} SENT TWICE, ${missing} MISSING`),
    );
    return { dispatcher: dispatched, floor, eachOnce };
  } finally {
    await smtp.stop();
  }
}
