import { countFromEnv } from '@app/service-kit';
import type { SMTPPoolOptions } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { flagFromEnv, optionalEnv } from './channel-env';

export interface SmtpConfig {
  /** nodemailer's pooled transport: server, TLS, credentials and how many connections it keeps open. */
  transport: SMTPPoolOptions & { pool: true };
  /** The From header, e.g. `Обращения <noreply@example.kz>`. */
  from: string;
  /** The From address's domain: a notification's Message-ID is `<notification-<id>@<domain>>`. */
  messageIdDomain: string;
}

/** What the registry tells the operator to set while e-mail is not configured. */
export const SMTP_VARIABLES = 'NOTIFICATION_SMTP_URL (or NOTIFICATION_SMTP_HOST) and NOTIFICATION_MAIL_FROM';

type Server = Pick<SMTPPoolOptions, 'host' | 'port' | 'secure' | 'auth'>;

/** `smtp://` (STARTTLS when offered) or `smtps://` (implicit TLS), with optional `user:password@`. */
function serverFromUrl(raw: string): Server {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not repeated: the URL may carry the password.
    throw new Error('NOTIFICATION_SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error('NOTIFICATION_SMTP_URL must start with smtp:// or smtps://');
  if (!url.hostname) throw new Error('NOTIFICATION_SMTP_URL must name a host');
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : undefined,
    secure: url.protocol === 'smtps:',
    auth: user ? { user, pass: decodeURIComponent(url.password) } : undefined,
  };
}

function serverFromParts(env: NodeJS.ProcessEnv, host: string): Server {
  const port = optionalEnv(env, 'NOTIFICATION_SMTP_PORT');
  if (port !== undefined && (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535))
    throw new Error(`NOTIFICATION_SMTP_PORT must be a port number, got "${port}"`);
  const user = optionalEnv(env, 'NOTIFICATION_SMTP_USER');
  const pass = env.NOTIFICATION_SMTP_PASSWORD;
  if (!user !== !pass) throw new Error('NOTIFICATION_SMTP_USER and NOTIFICATION_SMTP_PASSWORD go together');
  return {
    host,
    port: port === undefined ? undefined : Number(port),
    secure: flagFromEnv(env, 'NOTIFICATION_SMTP_SECURE', false),
    auth: user && pass ? { user, pass } : undefined,
  };
}

/** The domain of the From address, which must be a single mailbox. */
function fromDomain(from: string): string {
  const [mailbox, ...more] = addressparser(from, { flatten: true });
  const domain = mailbox?.address.split('@')[1];
  if (more.length > 0 || !domain)
    throw new Error(`NOTIFICATION_MAIL_FROM must be one address, e.g. "Обращения <noreply@example.kz>"`);
  return domain;
}

/**
 * Read once at start-up. Neither NOTIFICATION_SMTP_URL nor NOTIFICATION_SMTP_HOST: e-mail is not configured here
 * (undefined), and citizens' e-mails wait until it is. A bad value stops the service, naming the variable.
 * Without a port nodemailer uses 587, or 465 for implicit TLS.
 */
export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | undefined {
  const url = optionalEnv(env, 'NOTIFICATION_SMTP_URL');
  const host = optionalEnv(env, 'NOTIFICATION_SMTP_HOST');
  if (url === undefined && host === undefined) return undefined;
  if (url !== undefined && host !== undefined)
    throw new Error('Set NOTIFICATION_SMTP_URL or NOTIFICATION_SMTP_HOST (with _PORT, _USER…), not both');
  const from = optionalEnv(env, 'NOTIFICATION_MAIL_FROM');
  if (from === undefined)
    throw new Error('NOTIFICATION_MAIL_FROM must name the sender, e.g. "Обращения <noreply@example.kz>"');
  return {
    transport: {
      pool: true,
      ...(url !== undefined ? serverFromUrl(url) : serverFromParts(env, host as string)),
      requireTLS: flagFromEnv(env, 'NOTIFICATION_SMTP_REQUIRE_TLS', false),
      tls: { rejectUnauthorized: flagFromEnv(env, 'NOTIFICATION_SMTP_TLS_REJECT_UNAUTHORIZED', true) },
      maxConnections: countFromEnv('NOTIFICATION_SMTP_POOL_SIZE', 5, 1, env),
    },
    from,
    messageIdDomain: fromDomain(from),
  };
}
