import type { CloudEvent } from '../cloudevent';
import {
  EventTypes,
  LIFECYCLE_EVENT_TYPES,
  NotificationEventTypes,
  type LifecycleEventType,
} from '../event-types';
import { validatePayload, type ValidationResult } from '../validation';
import { ActionRefusedData } from './action-refused';
import { AppealEscalatedData, EscalationRequestedData } from './appeal-escalated';
import { AppealRegisteredData } from './appeal-registered';
import { AppealRoutedData } from './appeal-routed';
import { AppealTransferredData } from './appeal-transferred';
import { AppealAcceptedData, AppealReopenedData, AppealRespondedData, AppealResolvedData } from './casework';
import { DeadlineAssignedData, DeadlineExtendedData, DeadlineWarningData } from './deadline';
import { NotificationFailedData, NotificationSentData } from './notification-outcome';
import { SubmittedAppealData } from './submitted-appeal';
import { TakenUnderControlData } from './taken-under-control';
import { TransferRequestedData } from './transfer-requested';

/**
 * Event type → class of its `data`, for the types whose payload is defined so far. `closed` gets its class
 * with the feature that publishes it; until then it is absent here.
 */
export interface EventDataMap {
  [EventTypes.submitted]: SubmittedAppealData;
  [EventTypes.registered]: AppealRegisteredData;
  [EventTypes.routed]: AppealRoutedData;
  [EventTypes.deadlineAssigned]: DeadlineAssignedData;
  [EventTypes.deadlineWarning]: DeadlineWarningData;
  [EventTypes.escalated]: AppealEscalatedData;
  [EventTypes.transferred]: AppealTransferredData;
  [EventTypes.accepted]: AppealAcceptedData;
  [EventTypes.responded]: AppealRespondedData;
  [EventTypes.resolved]: AppealResolvedData;
  [EventTypes.reopened]: AppealReopenedData;
  [EventTypes.deadlineExtended]: DeadlineExtendedData;
  [EventTypes.escalationRequested]: EscalationRequestedData;
  [EventTypes.actionRefused]: ActionRefusedData;
  [EventTypes.transferRequested]: TransferRequestedData;
  [EventTypes.takenUnderControl]: TakenUnderControlData;
  [NotificationEventTypes.sent]: NotificationSentData;
  [NotificationEventTypes.failed]: NotificationFailedData;
}

export type TypedEventType = keyof EventDataMap;

/** A CloudEvent whose `type` fixes the class of its `data`, for typed handlers. */
export type TypedCloudEvent<K extends TypedEventType> = CloudEvent<EventDataMap[K]> & { type: K };

const payloadClasses: { readonly [K in TypedEventType]: new () => EventDataMap[K] } = {
  [EventTypes.submitted]: SubmittedAppealData,
  [EventTypes.registered]: AppealRegisteredData,
  [EventTypes.routed]: AppealRoutedData,
  [EventTypes.deadlineAssigned]: DeadlineAssignedData,
  [EventTypes.deadlineWarning]: DeadlineWarningData,
  [EventTypes.escalated]: AppealEscalatedData,
  [EventTypes.transferred]: AppealTransferredData,
  [EventTypes.accepted]: AppealAcceptedData,
  [EventTypes.responded]: AppealRespondedData,
  [EventTypes.resolved]: AppealResolvedData,
  [EventTypes.reopened]: AppealReopenedData,
  [EventTypes.deadlineExtended]: DeadlineExtendedData,
  [EventTypes.escalationRequested]: EscalationRequestedData,
  [EventTypes.actionRefused]: ActionRefusedData,
  [EventTypes.transferRequested]: TransferRequestedData,
  [EventTypes.takenUnderControl]: TakenUnderControlData,
  [NotificationEventTypes.sent]: NotificationSentData,
  [NotificationEventTypes.failed]: NotificationFailedData,
};

/** Lookup by any type string (e.g. from an incoming event); prefer {@link payloadClassFor}, which says "unknown" in its type. */
export const EventPayloads: Readonly<Record<string, new () => object>> = Object.freeze({ ...payloadClasses });

export function isTypedEventType(type: string): type is TypedEventType {
  return Object.prototype.hasOwnProperty.call(payloadClasses, type);
}

export function payloadClassFor(type: string): (new () => object) | undefined {
  return isTypedEventType(type) ? payloadClasses[type] : undefined;
}

/** Validates `data` against the class registered for `type`. */
export function validateEventData<K extends TypedEventType>(
  type: K,
  data: unknown,
): ValidationResult<EventDataMap[K]> {
  const cls: new () => EventDataMap[K] = payloadClasses[type];
  return validatePayload(cls, data);
}

/** The lifecycle types with a payload contract, the ones published today (`closed` has neither yet). */
export const TYPED_LIFECYCLE_EVENT_TYPES: readonly Extract<LifecycleEventType, TypedEventType>[] =
  Object.freeze(
    LIFECYCLE_EVENT_TYPES.filter((type): type is Extract<LifecycleEventType, TypedEventType> =>
      isTypedEventType(type),
    ),
  );
