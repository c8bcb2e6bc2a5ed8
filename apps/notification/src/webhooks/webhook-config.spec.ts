import { webhookConfigFromEnv } from './webhook-config';

describe('webhookConfigFromEnv', () => {
  it('defaults to https only, 20 subscriptions, disabling after 10 failures', () => {
    expect(webhookConfigFromEnv({})).toEqual({
      allowInsecure: false,
      maxSubscriptions: 20,
      disableAfter: 10,
    });
    expect(
      webhookConfigFromEnv({
        NOTIFICATION_WEBHOOK_ALLOW_INSECURE: '1',
        NOTIFICATION_WEBHOOK_MAX_SUBSCRIPTIONS: '5',
        NOTIFICATION_WEBHOOK_DISABLE_AFTER: '3',
      }),
    ).toEqual({ allowInsecure: true, maxSubscriptions: 5, disableAfter: 3 });
  });

  it('will not start with a bad value, naming the variable', () => {
    expect(() => webhookConfigFromEnv({ NOTIFICATION_WEBHOOK_ALLOW_INSECURE: 'yes' })).toThrow(
      /NOTIFICATION_WEBHOOK_ALLOW_INSECURE must be 0 or 1/,
    );
    expect(() => webhookConfigFromEnv({ NOTIFICATION_WEBHOOK_DISABLE_AFTER: '0' })).toThrow(
      /NOTIFICATION_WEBHOOK_DISABLE_AFTER must be a whole number from 1/,
    );
    expect(() => webhookConfigFromEnv({ NOTIFICATION_WEBHOOK_MAX_SUBSCRIPTIONS: '2.5' })).toThrow(
      /NOTIFICATION_WEBHOOK_MAX_SUBSCRIPTIONS/,
    );
  });
});
