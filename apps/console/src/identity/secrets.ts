import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: a refresh token or a system's client secret. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored instead of a secret. A plain SHA-256 is enough here, unlike for passwords: the secret is
 * 256 random bits, so there is no dictionary to try, and a lookup by digest needs no salt to find the row.
 */
export function digestOf(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A value a uuid column can be compared with (anything else would make PostgreSQL fail the query). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
