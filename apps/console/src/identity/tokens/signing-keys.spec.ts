import { exportJWK, generateKeyPair } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { loadSigningKeys } from './signing-keys';

describe('loadSigningKeys', () => {
  it('generates an ES256 key for the run when none is configured, and publishes only its public part', async () => {
    const keys = await loadSigningKeys({});
    expect(keys).toMatchObject({ alg: 'ES256', generated: true });
    expect(keys.publicKeys.keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: keys.kid }),
    ]);
    expect(keys.publicKeys.keys[0]).not.toHaveProperty('d');
  });

  it('takes a private JWK, keeping its kid, and an Ed25519 PEM, named by its thumbprint', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'console-2026-03' };
    expect(await loadSigningKeys({ signingKey: JSON.stringify(jwk) })).toMatchObject({
      alg: 'ES256',
      kid: 'console-2026-03',
      generated: false,
    });

    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const fromPem = await loadSigningKeys({ signingKey: pem.replace(/\n/g, '\\n') });
    expect(fromPem.alg).toBe('EdDSA');
    expect(fromPem.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('publishes retired public keys after the current one', async () => {
    const old = await generateKeyPair('ES256', { extractable: true });
    const retired = { keys: [{ ...(await exportJWK(old.publicKey)), kid: 'console-2025-12' }] };
    const keys = await loadSigningKeys({ retiredPublicKeys: JSON.stringify(retired) });
    expect(keys.publicKeys.keys.map((key) => key.kid)).toEqual([keys.kid, 'console-2025-12']);
  });

  it('refuses what it cannot sign with, naming the variable and never the key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    await expect(loadSigningKeys({ signingKey: rsa.toString() })).rejects.toThrow(
      /CONSOLE_SIGNING_KEY must be an EC P-256/,
    );
    await expect(loadSigningKeys({ signingKey: '{"kty":"EC"' })).rejects.toThrow(
      'CONSOLE_SIGNING_KEY is not valid JSON',
    );
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    await expect(loadSigningKeys({ signingKey: JSON.stringify(await exportJWK(publicKey)) })).rejects.toThrow(
      'must be a private key',
    );
    await expect(loadSigningKeys({ retiredPublicKeys: '{"keys":[{"kty":"EC"}]}' })).rejects.toThrow(/kid/);
  });
});
