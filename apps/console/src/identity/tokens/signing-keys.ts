import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { createPrivateKey } from 'node:crypto';

/** Injection token of the console's {@link SigningKeys}. */
export const SIGNING_KEYS = Symbol('SIGNING_KEYS');

export type SigningAlgorithm = 'ES256' | 'EdDSA';
export const SIGNING_ALGORITHMS: SigningAlgorithm[] = ['ES256', 'EdDSA'];

/** The key the console signs with, and every public key it publishes and accepts. */
export interface SigningKeys {
  alg: SigningAlgorithm;
  kid: string;
  privateKey: CryptoKey;
  /** The current public key first, then retired ones still accepted. */
  publicKeys: JSONWebKeySet;
  /** Made for this run: tokens do not survive a restart, and replicas would not accept each other's. */
  generated: boolean;
}

function algorithmOf(jwk: JWK): SigningAlgorithm {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  throw new Error('CONSOLE_SIGNING_KEY must be an EC P-256 (ES256) or Ed25519 (EdDSA) private key');
}

/** A private JWK (JSON text) or a PKCS#8 / SEC1 PEM, as a private JWK. */
function privateJwkOf(text: string): JWK {
  let jwk: JWK;
  if (text.startsWith('{')) {
    try {
      jwk = JSON.parse(text) as JWK;
    } catch {
      throw new Error('CONSOLE_SIGNING_KEY is not valid JSON (a JWK) nor a PEM');
    }
  } else {
    try {
      jwk = createPrivateKey(text.replace(/\\n/g, '\n')).export({ format: 'jwk' });
    } catch {
      throw new Error('CONSOLE_SIGNING_KEY is neither a private JWK nor a readable PEM private key');
    }
  }
  if (typeof jwk.d !== 'string') throw new Error('CONSOLE_SIGNING_KEY must be a private key (with "d")');
  return jwk;
}

function publicPart(jwk: JWK, alg: SigningAlgorithm, kid: string): JWK {
  const { kty, crv, x, y } = jwk;
  return { kty, crv, x, ...(y ? { y } : {}), alg, use: 'sig', kid };
}

function retiredKeysOf(text: string | undefined): JWK[] {
  if (!text) return [];
  let set: JSONWebKeySet;
  try {
    set = JSON.parse(text) as JSONWebKeySet;
  } catch {
    throw new Error('CONSOLE_RETIRED_PUBLIC_KEYS must be a JWK Set: {"keys": [...]}');
  }
  if (!Array.isArray(set?.keys))
    throw new Error('CONSOLE_RETIRED_PUBLIC_KEYS must be a JWK Set: {"keys": [...]}');
  return set.keys.map((key) => {
    if (typeof key.d === 'string') throw new Error('CONSOLE_RETIRED_PUBLIC_KEYS must hold public keys only');
    if (!key.kid) throw new Error('every key of CONSOLE_RETIRED_PUBLIC_KEYS needs its "kid"');
    const alg = algorithmOf(key);
    return publicPart(key, alg, key.kid);
  });
}

/**
 * The configured signing key (CONSOLE_SIGNING_KEY), or one generated for this run when none is set. The key
 * id is the JWK's own `kid` or its RFC 7638 thumbprint, so a verifier's JWKS cache finds a rotated key.
 */
export async function loadSigningKeys(configured: {
  signingKey?: string;
  retiredPublicKeys?: string;
}): Promise<SigningKeys> {
  let jwk: JWK;
  const generated = configured.signingKey === undefined;
  if (configured.signingKey === undefined) {
    const pair = await generateKeyPair('ES256', { extractable: true });
    jwk = await exportJWK(pair.privateKey);
  } else {
    jwk = privateJwkOf(configured.signingKey);
  }
  const alg = algorithmOf(jwk);
  const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk));
  const privateKey = (await importJWK({ ...jwk, alg }, alg)) as CryptoKey;
  const retired = retiredKeysOf(configured.retiredPublicKeys).filter((key) => key.kid !== kid);
  return { alg, kid, privateKey, publicKeys: { keys: [publicPart(jwk, alg, kid), ...retired] }, generated };
}
