import { Logger } from '@nestjs/common';
import { ChannelRegistry, chooseAdapters, providerVariable } from './channel-registry';
import type { DeliveryChannel } from './delivery-channel';
import { HttpSmsGatewayChannel } from './http-sms-gateway-channel';
import { InAppChannel } from './in-app-channel';
import { SmtpEmailChannel } from './smtp-email-channel';

function adapter(
  channel: DeliveryChannel['channel'],
  provider: string,
  missingConfiguration?: string,
): DeliveryChannel {
  return {
    channel,
    provider,
    deduplicates: true,
    missingConfiguration,
    send: () => Promise.resolve({ status: 'sent', providerAnswer: '' }),
  };
}

describe('providerVariable', () => {
  it('names the variable after the channel', () => {
    expect(providerVariable('email')).toBe('NOTIFICATION_EMAIL_PROVIDER');
    expect(providerVariable('in-app')).toBe('NOTIFICATION_IN_APP_PROVIDER');
  });
});

describe('chooseAdapters', () => {
  const smtp = adapter('email', 'smtp');
  const relay = adapter('email', 'relay');
  const gateway = adapter('sms', 'http-gateway');
  const console = adapter('in-app', 'console');
  const webhook = adapter('webhook', 'standard-webhooks');

  it('takes the only adapter of each channel', () => {
    const { adapters, waiting } = chooseAdapters([smtp, gateway, console, webhook], {});
    expect([...adapters]).toEqual([
      ['email', smtp],
      ['sms', gateway],
      ['in-app', console],
      ['webhook', webhook],
    ]);
    expect(waiting).toEqual([]);
  });

  it('takes the one the variable names', () => {
    expect(
      chooseAdapters([smtp, relay], { NOTIFICATION_EMAIL_PROVIDER: 'relay' }).adapters.get('email'),
    ).toBe(relay);
  });

  it('stops on an unknown name, listing the known ones, and on a choice left open', () => {
    expect(() => chooseAdapters([smtp, relay], { NOTIFICATION_EMAIL_PROVIDER: 'sendgrid' })).toThrow(
      'NOTIFICATION_EMAIL_PROVIDER must name one of smtp, relay, got "sendgrid"',
    );
    expect(() => chooseAdapters([smtp, relay], {})).toThrow('NOTIFICATION_EMAIL_PROVIDER must choose');
    expect(() => chooseAdapters([], { NOTIFICATION_SMS_PROVIDER: 'x' })).toThrow('one of no providers');
  });

  it('leaves a channel whose adapter is not configured, or missing, waiting, and says what to set', () => {
    const { adapters, waiting } = chooseAdapters(
      [adapter('email', 'smtp', 'NOTIFICATION_SMTP_URL'), console],
      {},
    );
    expect(adapters.has('email')).toBe(false);
    expect(adapters.get('in-app')).toBe(console);
    expect(waiting).toEqual([
      'email (smtp) is not configured: set NOTIFICATION_SMTP_URL; its notifications wait until it is',
      'sms: no adapter in this build; its notifications wait',
      'webhook: no adapter in this build; its notifications wait',
    ]);
  });
});

describe('ChannelRegistry with the real adapters', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'warn', 'error']);
  });

  it('offers in-app always, e-mail and SMS only where they are configured', () => {
    const registry = new ChannelRegistry([
      new SmtpEmailChannel(undefined),
      new HttpSmsGatewayChannel(undefined),
      new InAppChannel(),
    ]);
    expect(registry.adapterFor('email')).toBeUndefined();
    expect(registry.adapterFor('sms')).toBeUndefined();
    expect(registry.adapterFor('in-app')).toBeInstanceOf(InAppChannel);
  });
});

describe('InAppChannel', () => {
  it('is delivered by the sent event the dispatcher writes: it only checks the content', async () => {
    const inApp = new InAppChannel();
    const text = { kk: 'Жаңа өтініш', ru: 'Новое обращение', en: 'New appeal' };
    await expect(
      inApp.send({
        notificationId: 'n',
        recipient: 'org',
        attempt: 1,
        content: { kind: 'in-app', title: text, body: text },
      }),
    ).resolves.toEqual({ status: 'sent', providerAnswer: 'published to notifications.events.v1' });
    await expect(
      inApp.send({ notificationId: 'n', recipient: 'org', attempt: 1, content: { kind: 'sms', text: 'x' } }),
    ).resolves.toMatchObject({ status: 'rejected' });
  });
});
