import type { StaffMessageView } from '@app/contracts';
import type { Language } from '@app/service-kit';

/** A text in each language the console speaks. */
export type LocalizedText = Record<Language, string>;

/** An in-app message for one organisation's staff, as notification delivered it: every language at once. */
export interface StaffMessage {
  /** Arrival order at the console: pages are cut by it. */
  seq: number;
  /** Notification's id of the message. */
  id: string;
  organizationId: string;
  appealId: string;
  trackingNumber: string;
  /** The lifecycle event it announced. */
  eventType: string;
  template: string;
  title: LocalizedText;
  body: LocalizedText;
  sentAt: string;
  createdAt: string;
}

export function viewIn(language: Language, message: StaffMessage, read: boolean): StaffMessageView {
  return {
    id: message.id,
    appealId: message.appealId,
    trackingNumber: message.trackingNumber,
    eventType: message.eventType,
    template: message.template,
    language,
    title: message.title[language],
    body: message.body[language],
    sentAt: message.sentAt,
    createdAt: message.createdAt,
    read,
  };
}
