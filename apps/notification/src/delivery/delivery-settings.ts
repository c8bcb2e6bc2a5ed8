import { NotificationChannel } from '@app/contracts';
import { countFromEnv, millisecondsFromEnv } from '@app/service-kit';
import { QuietHours } from './quiet-hours';

export interface ChannelSettings {
  /** Sends in flight at once on this channel: a slow provider fills its own slots, never another channel's. */
  concurrency: number;
  maxAttempts: number;
}

export interface DeliverySettings {
  pollMs: number;
  sendTimeoutMs: number;
  /** How long a claimed row stays with its dispatcher; after that it is taken for a crashed one's. */
  leaseMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
  channels: Record<NotificationChannel, ChannelSettings>;
  smsQuietHours?: QuietHours;
}

const CONCURRENCY: Record<NotificationChannel, number> = { email: 16, sms: 8, 'in-app': 32, webhook: 16 };

function variableSuffix(channel: NotificationChannel): string {
  return channel.replace('-', '_').toUpperCase();
}

/** The most attempts a `kz.notifications.*` event may report (its contract's bound). */
const CONTRACT_MAX_ATTEMPTS = 1000;

function attemptsFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const attempts = countFromEnv(name, fallback, 1, env);
  if (attempts > CONTRACT_MAX_ATTEMPTS)
    throw new Error(`${name} must be at most ${CONTRACT_MAX_ATTEMPTS}, got ${attempts}`);
  return attempts;
}

/** Read once at start-up; a bad value stops the service with the variable named. */
export function deliverySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DeliverySettings {
  const sendTimeoutMs = millisecondsFromEnv('NOTIFICATION_SEND_TIMEOUT_MS', 30_000, 100, env);
  const maxAttempts = attemptsFromEnv('NOTIFICATION_MAX_ATTEMPTS', 12, env);
  const channels = Object.fromEntries(
    Object.values(NotificationChannel).map((channel) => [
      channel,
      {
        concurrency: countFromEnv(
          `NOTIFICATION_CONCURRENCY_${variableSuffix(channel)}`,
          CONCURRENCY[channel],
          1,
          env,
        ),
        maxAttempts: attemptsFromEnv(
          `NOTIFICATION_MAX_ATTEMPTS_${variableSuffix(channel)}`,
          maxAttempts,
          env,
        ),
      },
    ]),
  ) as Record<NotificationChannel, ChannelSettings>;
  return {
    pollMs: millisecondsFromEnv('NOTIFICATION_POLL_MS', 250, 10, env),
    sendTimeoutMs,
    leaseMs: sendTimeoutMs * 2 + 10_000,
    retryInitialMs: millisecondsFromEnv('NOTIFICATION_RETRY_INITIAL_MS', 10_000, 10, env),
    retryMaxMs: millisecondsFromEnv('NOTIFICATION_RETRY_MAX_MS', 3_600_000, 10, env),
    channels,
    smsQuietHours: QuietHours.parse(env.NOTIFICATION_SMS_QUIET_HOURS ?? '22:00-08:00'),
  };
}

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');
