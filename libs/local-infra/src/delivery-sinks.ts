import path from 'node:path';
import { MailSink } from './mail-sink';
import { SmsSink } from './sms-sink';

export interface DeliverySinks {
  /** What the notification service is given: the sinks' addresses where no real provider is configured. */
  env: NodeJS.ProcessEnv;
  /** Where the messages go, one line per sink started, for the console. */
  notes: string[];
  stop(): Promise<void>;
}

function portFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new Error(`${name} must be a port number, got "${value}"`);
  return Number(value);
}

/**
 * For `npm start`: with no SMTP server configured (NOTIFICATION_SMTP_URL / _HOST), a local mail sink keeps the
 * e-mails citizens would get as `.eml` files in `<localDir>/mail`; with no SMS gateway
 * (NOTIFICATION_SMS_GATEWAY_URL), a local one keeps their SMS as `.txt` files in `<localDir>/sms`.
 */
export async function startDeliverySinks(
  localDir: string,
  env: NodeJS.ProcessEnv = process.env,
  onFile?: (file: string) => void,
): Promise<DeliverySinks> {
  const sinks: Array<MailSink | SmsSink> = [];
  const stop = async (): Promise<void> => {
    await Promise.all(sinks.map((sink) => sink.stop()));
  };
  const result: DeliverySinks = { env: {}, notes: [], stop };
  try {
    if (!env.NOTIFICATION_SMTP_URL?.trim() && !env.NOTIFICATION_SMTP_HOST?.trim()) {
      const port = portFromEnv(env, 'NOTIFICATION_LOCAL_SMTP_PORT', 2525);
      const mail = await MailSink.start({ directory: path.join(localDir, 'mail'), port, onFile });
      sinks.push(mail);
      result.env.NOTIFICATION_SMTP_URL = mail.url;
      result.env.NOTIFICATION_MAIL_FROM =
        env.NOTIFICATION_MAIL_FROM?.trim() || 'Өтініштер <noreply@appeals.local>';
      result.notes.push(
        `e-mails citizens would get are kept as .eml files in ${mail.directory} (SMTP at ${mail.url})`,
      );
    }
    if (!env.NOTIFICATION_SMS_GATEWAY_URL?.trim()) {
      const port = portFromEnv(env, 'NOTIFICATION_LOCAL_SMS_PORT', 2526);
      const sms = await SmsSink.start({ directory: path.join(localDir, 'sms'), port, onFile });
      sinks.push(sms);
      result.env.NOTIFICATION_SMS_GATEWAY_URL = sms.url;
      result.notes.push(
        `SMS citizens would get are kept as .txt files in ${sms.directory} (gateway at ${sms.url})`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return result;
}
