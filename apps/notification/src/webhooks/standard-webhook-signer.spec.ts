import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, StandardWebhookSigner } from './standard-webhook-signer';

const signer = new StandardWebhookSigner();

describe('StandardWebhookSigner', () => {
  it('signs as the Standard Webhooks library verifies (its own test vector)', () => {
    // From the specification's reference libraries: secret, id, timestamp, payload and the signature they agree on.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    const headers = signer.sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330_000), body);
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('makes secrets that an independent verifier takes, and that differ each time', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    const body = JSON.stringify({ specversion: '1.0', type: 'kz.appeals.registered.v1', data: { a: 'Қ' } });
    const headers = signer.sign(secret, '42', new Date(), body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, { ...headers })).toThrow();
  });
});
