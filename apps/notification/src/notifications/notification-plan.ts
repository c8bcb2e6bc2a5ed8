import { EventTypes } from '@app/contracts';

export type RecipientKind = 'citizen' | 'organization';
export type NotificationChannel = 'email' | 'sms' | 'in-app';

export interface CitizenContact {
  fullName: string;
  email?: string;
  phone?: string;
  preferredChannel: 'email' | 'sms';
  language: string;
}

export interface PlannedNotification {
  recipientKind: RecipientKind;
  /** An address for citizens (email or phone), an organisation id for staff. */
  recipient: string;
  channel: NotificationChannel;
  template: string;
  language: string;
}

interface EventFacts {
  type: string;
  organizationId?: string;
  fromOrganizationId?: string;
  toOrganizationId?: string;
}

const STAFF_LANGUAGE = 'ru';

function toCitizen(contact: CitizenContact | null, template: string): PlannedNotification[] {
  if (!contact) return [];
  const address = contact.preferredChannel === 'sms' ? contact.phone : contact.email;
  if (!address) return [];
  return [
    {
      recipientKind: 'citizen',
      recipient: address,
      channel: contact.preferredChannel,
      template,
      language: contact.language,
    },
  ];
}

function toStaff(organizationId: string | undefined, template: string): PlannedNotification[] {
  if (!organizationId) return [];
  return [
    {
      recipientKind: 'organization',
      recipient: organizationId,
      channel: 'in-app',
      template,
      language: STAFF_LANGUAGE,
    },
  ];
}

/** Who is told what about each step: the citizen through the channel they chose, staff in the console. */
export function planNotifications(event: EventFacts, contact: CitizenContact | null): PlannedNotification[] {
  switch (event.type) {
    case EventTypes.registered:
      return toCitizen(contact, 'appeal-registered');
    case EventTypes.routed:
      return [...toCitizen(contact, 'appeal-routed'), ...toStaff(event.organizationId, 'appeal-assigned')];
    case EventTypes.deadlineAssigned:
      return toStaff(event.organizationId, 'deadline-assigned');
    case EventTypes.deadlineWarning:
      return toStaff(event.organizationId, 'deadline-warning');
    case EventTypes.escalated:
      return [
        ...toCitizen(contact, 'appeal-escalated'),
        ...toStaff(event.fromOrganizationId, 'appeal-escalated-from'),
        ...toStaff(event.toOrganizationId, 'appeal-escalated-to'),
      ];
    default:
      return [];
  }
}
