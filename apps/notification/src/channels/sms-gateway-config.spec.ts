import { smsGatewayConfigFromEnv } from './sms-gateway-config';

const URL_ONLY = { NOTIFICATION_SMS_GATEWAY_URL: 'https://sms.example.kz/v1/messages' };

describe('smsGatewayConfigFromEnv', () => {
  it('leaves SMS unconfigured without a gateway URL', () => {
    expect(smsGatewayConfigFromEnv({ NOTIFICATION_SMS_GATEWAY_TOKEN: 't' })).toBeUndefined();
  });

  it('authorizes with a bearer token, or with a user and password', () => {
    expect(
      smsGatewayConfigFromEnv({
        ...URL_ONLY,
        NOTIFICATION_SMS_GATEWAY_TOKEN: 'tok',
        NOTIFICATION_SMS_SENDER: 'eOtinish',
      }),
    ).toEqual({
      url: new URL(URL_ONLY.NOTIFICATION_SMS_GATEWAY_URL),
      authorization: 'Bearer tok',
      sender: 'eOtinish',
    });
    expect(
      smsGatewayConfigFromEnv({
        ...URL_ONLY,
        NOTIFICATION_SMS_GATEWAY_USER: 'u',
        NOTIFICATION_SMS_GATEWAY_PASSWORD: 'p',
      })?.authorization,
    ).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(smsGatewayConfigFromEnv(URL_ONLY)?.authorization).toBeUndefined();
  });

  it.each([
    [{ NOTIFICATION_SMS_GATEWAY_URL: 'ftp://sms' }, /NOTIFICATION_SMS_GATEWAY_URL must be an http\(s\) URL/],
    [{ NOTIFICATION_SMS_GATEWAY_URL: 'not a url' }, /NOTIFICATION_SMS_GATEWAY_URL must be an http\(s\) URL/],
    [{ ...URL_ONLY, NOTIFICATION_SMS_GATEWAY_TOKEN: 't', NOTIFICATION_SMS_GATEWAY_USER: 'u' }, /not both/],
    [{ ...URL_ONLY, NOTIFICATION_SMS_GATEWAY_USER: 'u' }, /go together/],
  ])('refuses %j', (env, message) => {
    expect(() => smsGatewayConfigFromEnv(env)).toThrow(message);
  });
});
