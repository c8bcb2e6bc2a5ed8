import {
  CENTRAL_RECEPTION_ID,
  DeadlineCause,
  EventTypes,
  type AppealEscalatedData,
  type AppealLanguage,
  type AppealRespondedData,
  type AppealRoutedData,
  type AppealTransferredData,
  type CitizenChannel,
  type DeadlineAssignedData,
  type DeadlineWarningData,
} from '@app/contracts';
import type { CitizenTemplate, MessageParams, StaffTemplate } from '../templates/message-renderer';

export interface CitizenContact {
  fullName: string;
  email?: string;
  phone?: string;
  preferredChannel: CitizenChannel;
  language: AppealLanguage;
}

/** What notification remembers of an appeal between its events. */
export interface AppealFacts {
  trackingNumber: string;
  contact: CitizenContact | null;
  /** The body that holds the case now (routed, transferred, escalated move it), told when it is reopened. */
  holderOrganizationId: string | null;
}

/** Where the citizen's messages point: the public status page, and the link that accepts or rejects an answer. */
export interface CitizenLinks {
  trackUrl(trackingNumber: string): string | undefined;
  decisionUrl(appealId: string, trackingNumber: string, responseId: string): string | undefined;
}

export type PlannedNotification =
  | {
      recipientKind: 'citizen';
      /** The e-mail address or phone number of the channel the citizen chose. */
      recipient: string;
      channel: CitizenChannel;
      template: CitizenTemplate;
      language: AppealLanguage;
      params: MessageParams;
    }
  | {
      recipientKind: 'organization';
      /** The organisation whose staff are told, in the console. */
      recipient: string;
      channel: 'in-app';
      template: StaffTemplate;
      params: MessageParams;
    };

export interface LifecycleEvent {
  type: string;
  data: { appealId: string } & Record<string, unknown>;
}

/**
 * Who is told what about each step (the table in the README): the citizen through the channel they chose, in
 * the appeal's language; the organisation concerned in the console, in each user's language.
 */
export class NotificationPlanner {
  constructor(private readonly links: CitizenLinks) {}

  plan(event: LifecycleEvent, appeal: AppealFacts): PlannedNotification[] {
    const common: MessageParams = { trackingNumber: appeal.trackingNumber };
    const citizen = (template: CitizenTemplate, params: Partial<MessageParams> = {}) =>
      this.toCitizen(appeal, template, { ...common, ...params });
    const staff = (organizationId: string | null | undefined, template: StaffTemplate, params = {}) =>
      toStaff(organizationId, template, { ...common, ...params });

    switch (event.type) {
      case EventTypes.registered:
        return citizen('appeal-registered');
      case EventTypes.routed: {
        const routed = event.data as unknown as AppealRoutedData;
        return citizen('appeal-routed', { organizationName: routed.organizationName });
      }
      case EventTypes.deadlineAssigned: {
        const assigned = event.data as unknown as DeadlineAssignedData;
        // The citizen hears of an extension once escalation has moved the clock (it refuses one beyond the
        // legal limit), with the date in force.
        if (assigned.cause === DeadlineCause.extended)
          return citizen('deadline-extended', { dueAt: assigned.dueAt });
        // Staff hear of a new case once it has its deadline, so the message says by when to answer; a deadline
        // moved by a transfer or a reopening is told by the step that moved it.
        if (assigned.cause !== undefined && assigned.cause !== DeadlineCause.routed) return [];
        return staff(assigned.organizationId, 'appeal-assigned', { dueAt: assigned.dueAt });
      }
      case EventTypes.transferred: {
        const transferred = event.data as unknown as AppealTransferredData;
        const organizationName = transferred.toOrganizationName;
        return [
          ...citizen('appeal-transferred', { organizationName }),
          ...staff(transferred.toOrganizationId, 'appeal-transferred-in', { organizationName }),
        ];
      }
      case EventTypes.deadlineWarning: {
        const warning = event.data as unknown as DeadlineWarningData;
        return staff(warning.organizationId, 'deadline-warning', { dueAt: warning.dueAt });
      }
      case EventTypes.responded: {
        const responded = event.data as unknown as AppealRespondedData;
        const decisionUrl = responded.responseId
          ? this.links.decisionUrl(responded.appealId, appeal.trackingNumber, responded.responseId)
          : undefined;
        return citizen('appeal-responded', { answerText: responded.text, decisionUrl });
      }
      case EventTypes.reopened:
        return staff(appeal.holderOrganizationId, 'appeal-reopened');
      case EventTypes.escalated: {
        const escalated = event.data as unknown as AppealEscalatedData;
        const params = {
          toCentralReception: escalated.toOrganizationId === CENTRAL_RECEPTION_ID,
          escalationReason: escalated.reason,
          dueAt: escalated.newDueAt,
        };
        return [
          ...citizen('appeal-escalated', params),
          ...staff(escalated.toOrganizationId, 'appeal-escalated-to', params),
          ...staff(escalated.fromOrganizationId, 'appeal-escalated-from', params),
        ];
      }
      default:
        return [];
    }
  }

  private toCitizen(
    appeal: AppealFacts,
    template: CitizenTemplate,
    params: MessageParams,
  ): PlannedNotification[] {
    const contact = appeal.contact;
    if (!contact) return [];
    const address = contact.preferredChannel === 'sms' ? contact.phone : contact.email;
    if (!address) return [];
    const trackUrl = this.links.trackUrl(appeal.trackingNumber);
    return [
      {
        recipientKind: 'citizen',
        recipient: address,
        channel: contact.preferredChannel,
        template,
        language: contact.language,
        params: { ...params, citizenName: contact.fullName, ...(trackUrl ? { trackUrl } : {}) },
      },
    ];
  }
}

function toStaff(
  organizationId: string | null | undefined,
  template: StaffTemplate,
  params: MessageParams,
): PlannedNotification[] {
  if (!organizationId) return [];
  return [{ recipientKind: 'organization', recipient: organizationId, channel: 'in-app', template, params }];
}
