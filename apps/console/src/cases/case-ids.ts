import { TRACKING_NUMBER_PATTERN } from '@app/contracts';
import type { HttpException, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Appeal ids are UUIDs: anything else names no case. */
export function isAppealId(value: string): boolean {
  return UUID.test(value);
}

/** A tracking number as a citizen may type it (spaces around, lower case), in the form intake issues. */
export function normalizedTrackingNumber(value: string): string | undefined {
  const normalized = value.trim().toUpperCase();
  return TRACKING_NUMBER_PATTERN.test(normalized) ? normalized : undefined;
}

/**
 * A path parameter that must be an appeal id: anything else answers the route's own "no such case" (404)
 * before any statement runs, so neither a guesser nor a malformed id (a NUL byte, 10 kB of text) reaches
 * PostgreSQL, which would refuse it with an error (a 500) rather than find nothing.
 */
export class AppealIdPipe implements PipeTransform<string, string> {
  constructor(private readonly notFound: () => HttpException) {}

  transform(value: string): string {
    if (!isAppealId(value)) throw this.notFound();
    return value;
  }
}

/** A path parameter that must be a tracking number: normalized, or the route's 404. */
export class TrackingNumberPipe implements PipeTransform<string, string> {
  constructor(private readonly notFound: () => HttpException) {}

  transform(value: string): string {
    const normalized = normalizedTrackingNumber(value);
    if (normalized === undefined) throw this.notFound();
    return normalized;
  }
}
