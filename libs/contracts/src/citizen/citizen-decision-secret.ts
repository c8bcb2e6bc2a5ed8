import { createHmac, timingSafeEqual } from 'node:crypto';

/** The least key length: 256 bits of a random key written as text (e.g. `openssl rand -base64 32`). */
export const MIN_CITIZEN_LINK_KEY_LENGTH = 32;

/** Separates these MACs from any other use of the same key, and names the version of the derivation. */
const PURPOSE = 'kz.appeals.citizen-decision.v1';

/**
 * The secret that lets a citizen accept or reject an answer without an account: HMAC-SHA256, under a key
 * that only the console and notification hold (`CONSOLE_CITIZEN_LINK_KEY`), of the appeal and the answer
 * it decides on, as 43 base64url characters. Notification puts it in the link of the answer message it
 * sends the citizen; the console recomputes it when the citizen uses the link. Nothing secret is stored or
 * travels on the events topic: `responded` carries the answer's id and text, which open nothing.
 * One answer, one secret: after a rejection the next answer gets a new one and the old link stops working.
 */
export function citizenDecisionSecret(key: string, appealId: string, responseId: string): string {
  if (key.length < MIN_CITIZEN_LINK_KEY_LENGTH)
    throw new Error(`the citizen link key must be at least ${MIN_CITIZEN_LINK_KEY_LENGTH} characters`);
  return createHmac('sha256', key)
    .update(`${PURPOSE}\n${appealId.toLowerCase()}\n${responseId}`)
    .digest('base64url');
}

/** Whether `candidate` is the secret of this answer, compared in constant time. */
export function isCitizenDecisionSecret(
  key: string,
  appealId: string,
  responseId: string,
  candidate: string,
): boolean {
  const expected = Buffer.from(citizenDecisionSecret(key, appealId, responseId));
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
