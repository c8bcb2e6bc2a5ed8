import type { PipeTransform } from '@nestjs/common';
import { notificationNotFound } from './staff-inbox';

/** Notification ids are 1 to 64 printable characters (the contract's bound): anything else names no message. */
const NOTIFICATION_ID = /^[^\p{Cc}\p{Cs}]{1,64}$/u;

/** Answers 404 before any statement for an id no message can have (a NUL byte would make PostgreSQL fail). */
export class NotificationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!NOTIFICATION_ID.test(value)) throw notificationNotFound();
    return value;
  }
}
