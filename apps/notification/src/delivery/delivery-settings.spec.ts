import { deliverySettingsFromEnv } from './delivery-settings';

describe('deliverySettingsFromEnv', () => {
  it('gives each channel its own concurrency and attempts, a channel variable over the common one', () => {
    const settings = deliverySettingsFromEnv({
      NOTIFICATION_MAX_ATTEMPTS: '5',
      NOTIFICATION_MAX_ATTEMPTS_WEBHOOK: '20',
      NOTIFICATION_CONCURRENCY_IN_APP: '3',
    });
    expect(settings.channels.email).toEqual({ concurrency: 16, maxAttempts: 5 });
    expect(settings.channels.webhook.maxAttempts).toBe(20);
    expect(settings.channels['in-app'].concurrency).toBe(3);
    expect(settings.smsQuietHours?.isQuiet(new Date('2026-12-01T18:00:00Z'))).toBe(true);
  });

  it('stops on more attempts than an outcome event may report, naming the variable', () => {
    expect(() => deliverySettingsFromEnv({ NOTIFICATION_MAX_ATTEMPTS_SMS: '5000' })).toThrow(
      'NOTIFICATION_MAX_ATTEMPTS_SMS must be at most 1000, got 5000',
    );
  });

  it('sends SMS at any hour when the quiet hours are off', () => {
    expect(deliverySettingsFromEnv({ NOTIFICATION_SMS_QUIET_HOURS: 'off' }).smsQuietHours).toBeUndefined();
  });
});
