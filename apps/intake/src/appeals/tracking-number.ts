import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a number read out over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// Kazakhstan has one time zone, UTC+5 (since 1 March 2024): the year is the one on the citizen's calendar.
const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

/** A number a citizen can read and dictate, e.g. `KZ-2026-7K3M-9Q2X` (year in Kazakhstan); 32^8 values per year. */
export function newTrackingNumber(
  now: Date = new Date(),
  random: (max: number) => number = randomInt,
): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[random(ALPHABET.length)]).join('');
  const year = new Date(now.getTime() + KAZAKHSTAN_OFFSET_MS).getUTCFullYear();
  return `KZ-${year}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Draws the tracking number of each new appeal; a provider, so that a test can make two draws collide. */
@Injectable()
export class TrackingNumberIssuer {
  draw(): string {
    return newTrackingNumber();
  }
}
