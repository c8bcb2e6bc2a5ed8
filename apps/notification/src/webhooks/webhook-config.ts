/** The webhook settings, read once at start-up. */
export interface WebhookConfig {
  /** Local runs and tests only: http URLs and receivers on loopback or private addresses are allowed. */
  allowInsecure: boolean;
  /** Subscriptions one system may have at once. */
  maxSubscriptions: number;
  /** Consecutive failed attempts after which a subscription is disabled and its pending deliveries held. */
  disableAfter: number;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  return value;
}

export function webhookConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const insecure = env.NOTIFICATION_WEBHOOK_ALLOW_INSECURE?.trim() ?? '';
  if (!['', '0', '1'].includes(insecure))
    throw new Error(`NOTIFICATION_WEBHOOK_ALLOW_INSECURE must be 0 or 1, got "${insecure}"`);
  return {
    allowInsecure: insecure === '1',
    maxSubscriptions: wholeNumber(env, 'NOTIFICATION_WEBHOOK_MAX_SUBSCRIPTIONS', 20, 1000),
    disableAfter: wholeNumber(env, 'NOTIFICATION_WEBHOOK_DISABLE_AFTER', 10, 10_000),
  };
}

export const WEBHOOK_CONFIG = Symbol('WEBHOOK_CONFIG');
