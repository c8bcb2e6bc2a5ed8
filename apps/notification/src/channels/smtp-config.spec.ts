import { smtpConfigFromEnv } from './smtp-config';

const FROM = { NOTIFICATION_MAIL_FROM: 'Обращения <noreply@example.kz>' };

describe('smtpConfigFromEnv', () => {
  it('leaves e-mail unconfigured without a server', () => {
    expect(smtpConfigFromEnv({})).toBeUndefined();
    expect(smtpConfigFromEnv(FROM)).toBeUndefined();
  });

  it('reads the server, credentials and TLS from a URL', () => {
    const config = smtpConfigFromEnv({
      ...FROM,
      NOTIFICATION_SMTP_URL: 'smtps://mailer:p%40ss@mail.example.kz',
    });
    expect(config).toEqual({
      transport: {
        pool: true,
        host: 'mail.example.kz',
        port: undefined,
        secure: true,
        auth: { user: 'mailer', pass: 'p@ss' },
        requireTLS: false,
        tls: { rejectUnauthorized: true },
        maxConnections: 5,
      },
      from: 'Обращения <noreply@example.kz>',
      messageIdDomain: 'example.kz',
    });
  });

  it('reads the server from its parts, with STARTTLS required and a pool size', () => {
    const config = smtpConfigFromEnv({
      ...FROM,
      NOTIFICATION_SMTP_HOST: 'mail.example.kz',
      NOTIFICATION_SMTP_PORT: '587',
      NOTIFICATION_SMTP_USER: 'mailer',
      NOTIFICATION_SMTP_PASSWORD: 'secret',
      NOTIFICATION_SMTP_REQUIRE_TLS: '1',
      NOTIFICATION_SMTP_TLS_REJECT_UNAUTHORIZED: '0',
      NOTIFICATION_SMTP_POOL_SIZE: '12',
    });
    expect(config?.transport).toMatchObject({
      host: 'mail.example.kz',
      port: 587,
      secure: false,
      auth: { user: 'mailer', pass: 'secret' },
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      maxConnections: 12,
    });
    expect(
      smtpConfigFromEnv({ ...FROM, NOTIFICATION_SMTP_URL: 'smtp://127.0.0.1:2525' })?.transport,
    ).toMatchObject({
      host: '127.0.0.1',
      port: 2525,
      secure: false,
      auth: undefined,
    });
  });

  it.each([
    [{ NOTIFICATION_SMTP_URL: 'smtp://mail' }, /NOTIFICATION_MAIL_FROM/],
    [{ ...FROM, NOTIFICATION_SMTP_URL: 'smtp://mail', NOTIFICATION_SMTP_HOST: 'mail' }, /not both/],
    [{ ...FROM, NOTIFICATION_SMTP_URL: 'http://mail' }, /smtp:\/\/ or smtps:\/\//],
    [{ ...FROM, NOTIFICATION_SMTP_URL: 'smtp://user:hunter2@' }, /NOTIFICATION_SMTP_URL/],
    [{ ...FROM, NOTIFICATION_SMTP_HOST: 'mail', NOTIFICATION_SMTP_PORT: '99999' }, /NOTIFICATION_SMTP_PORT/],
    [{ ...FROM, NOTIFICATION_SMTP_HOST: 'mail', NOTIFICATION_SMTP_USER: 'u' }, /go together/],
    [
      { ...FROM, NOTIFICATION_SMTP_HOST: 'mail', NOTIFICATION_SMTP_SECURE: 'yes' },
      /NOTIFICATION_SMTP_SECURE must be 1 or 0/,
    ],
    [
      { ...FROM, NOTIFICATION_SMTP_HOST: 'mail', NOTIFICATION_SMTP_POOL_SIZE: '0' },
      /NOTIFICATION_SMTP_POOL_SIZE/,
    ],
    [{ NOTIFICATION_SMTP_HOST: 'mail', NOTIFICATION_MAIL_FROM: 'a@x.kz, b@x.kz' }, /one address/],
    [{ NOTIFICATION_SMTP_HOST: 'mail', NOTIFICATION_MAIL_FROM: 'noreply' }, /one address/],
  ])('refuses %j', (env, message) => {
    expect(() => smtpConfigFromEnv(env)).toThrow(message);
  });

  it('never repeats a password in its errors', () => {
    const attempt = () => smtpConfigFromEnv({ ...FROM, NOTIFICATION_SMTP_URL: 'smtp://user:hunter2@' });
    expect(attempt).toThrow();
    expect(attempt).not.toThrow(/hunter2/);
  });
});
