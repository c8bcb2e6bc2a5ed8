import { httpUrlFromEnv, optionalEnv } from './channel-env';

export interface SmsGatewayConfig {
  url: URL;
  /** The Authorization header: `Bearer <token>` or `Basic <user:password>`; none if the gateway needs none. */
  authorization?: string;
  /** The sender name the gateway shows, where the operator registered one (e.g. `eOtinish`). */
  sender?: string;
}

/** What the registry tells the operator to set while SMS is not configured. */
export const SMS_GATEWAY_VARIABLES = 'NOTIFICATION_SMS_GATEWAY_URL';

function authorizationFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const token = optionalEnv(env, 'NOTIFICATION_SMS_GATEWAY_TOKEN');
  const user = optionalEnv(env, 'NOTIFICATION_SMS_GATEWAY_USER');
  const password = env.NOTIFICATION_SMS_GATEWAY_PASSWORD;
  if (token && (user || password))
    throw new Error(
      'Set NOTIFICATION_SMS_GATEWAY_TOKEN or NOTIFICATION_SMS_GATEWAY_USER/_PASSWORD, not both',
    );
  if (!user !== !password)
    throw new Error('NOTIFICATION_SMS_GATEWAY_USER and NOTIFICATION_SMS_GATEWAY_PASSWORD go together');
  if (token) return `Bearer ${token}`;
  if (user && password) return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return undefined;
}

/**
 * Read once at start-up. No NOTIFICATION_SMS_GATEWAY_URL: SMS is not configured here (undefined), and citizens'
 * SMS wait until it is. A bad value stops the service, naming the variable (never its value).
 */
export function smsGatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmsGatewayConfig | undefined {
  const url = httpUrlFromEnv(env, 'NOTIFICATION_SMS_GATEWAY_URL');
  if (!url) return undefined;
  return {
    url,
    authorization: authorizationFromEnv(env),
    sender: optionalEnv(env, 'NOTIFICATION_SMS_SENDER'),
  };
}
