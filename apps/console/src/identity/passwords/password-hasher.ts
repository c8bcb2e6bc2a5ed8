import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ConcurrencyLimit, type ConcurrencyLimitSettings } from './concurrency-limit';

/** scrypt's cost: N = 2^logN, block size r, parallelism p. Memory used is 128 · N · r bytes (32 MiB below). */
export interface ScryptParameters {
  logN: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt (N = 2^17 is its first line; 2^15 with r = 8 keeps a login near 100 ms here). */
export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { logN: 15, r: 8, p: 1 };

/** Two of libuv's four threads at most; a burst past that waits, and past 64 waiting gets 503. */
export const DEFAULT_HASHING_LIMIT: ConcurrencyLimitSettings = { running: 2, waiting: 64 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** parameters.logN,
    r: parameters.r,
    p: parameters.p,
    maxmem: 256 * 2 ** parameters.logN * parameters.r,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

interface StoredHash {
  parameters: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

/** `scrypt$<logN>$<r>$<p>$<salt>$<key>` (base64url): the parameters travel with the hash, so they can grow. */
function parse(stored: string): StoredHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return undefined;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (![logN, r, p].every((value) => Number.isInteger(value) && value > 0) || logN > 22) return undefined;
  return {
    parameters: { logN, r, p },
    salt: Buffer.from(parts[4], 'base64url'),
    key: Buffer.from(parts[5], 'base64url'),
  };
}

/**
 * Passwords as scrypt hashes with a salt of their own, compared in constant time. For a username that does
 * not exist the caller still compares against {@link verifyNobody}, so a login takes as long either way and
 * its timing does not tell which usernames exist.
 */
export class PasswordHasher {
  private readonly dummy: Promise<string>;
  private readonly limit: ConcurrencyLimit;

  constructor(
    private readonly parameters: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS,
    hashingLimit: ConcurrencyLimitSettings = DEFAULT_HASHING_LIMIT,
  ) {
    this.limit = new ConcurrencyLimit(hashingLimit);
    this.dummy = this.hash(randomBytes(24).toString('base64url'));
    this.dummy.catch(() => undefined); // surfaces on first use
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await this.limit.run(() => derive(password, salt, this.parameters));
    const { logN, r, p } = this.parameters;
    return [PREFIX, logN, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  /** False for a wrong password and for a stored value that is not a hash of ours. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await this.limit.run(() => derive(password, parsed.salt, parsed.parameters));
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }

  /** The same work as {@link verify}, for a login whose username matched no account; always false. */
  async verifyNobody(password: string): Promise<false> {
    await this.verify(password, await this.dummy);
    return false;
  }

  /** A hash made with weaker parameters than today's: worth replacing at the next successful login. */
  needsRehash(stored: string): boolean {
    const parsed = parse(stored);
    if (!parsed) return true;
    const { logN, r, p } = parsed.parameters;
    return logN < this.parameters.logN || r < this.parameters.r || p < this.parameters.p;
  }
}
