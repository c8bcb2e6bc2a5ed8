import {
  EventTypes,
  LIFECYCLE_EVENT_TYPES,
  NOTIFICATION_EVENT_TYPES,
  NotificationEventTypes,
} from '../event-types';
import { validatePayload } from '../validation';
import { AppealEventData } from './appeal-event-data';
import { AppealRegisteredData } from './appeal-registered';
import { EventPayloads, payloadClassFor, validateEventData } from './event-payloads';

const appealId = '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11';
const trackingNumber = 'KZ-2025-000123';
const at = '2025-03-01T09:30:00+05:00';

/** One valid `data` per typed lifecycle event. */
const goodData: Record<string, Record<string, unknown>> = {
  [EventTypes.registered]: {
    appealId,
    trackingNumber,
    source: 'urn:kz:egov:portal',
    sourceEventId: 'evt-1',
    externalId: 'EGOV-1',
    kind: 'complaint',
    category: 'roads.repair',
    regionKato: '751110000',
    language: 'kk',
    registeredAt: at,
    citizen: { fullName: 'Әлия Нұрланова', phone: '+77011234567', preferredChannel: 'sms' },
  },
  [EventTypes.routed]: {
    appealId,
    trackingNumber,
    organizationId: 'akimat-almaty',
    organizationName: 'Алматы қаласының әкімдігі',
    regionKato: '750000000',
    ruleId: 'r-1',
    routedAt: at,
    isFallback: false,
    kind: 'complaint',
    language: 'kk',
  },
  [EventTypes.deadlineAssigned]: {
    appealId,
    trackingNumber,
    organizationId: 'akimat-almaty',
    dueAt: at,
    warnAt: at,
    policy: '15 working days',
    assignedAt: at,
  },
  [EventTypes.deadlineWarning]: {
    appealId,
    trackingNumber,
    organizationId: 'akimat-almaty',
    dueAt: at,
    warnedAt: at,
  },
  [EventTypes.escalated]: {
    appealId,
    trackingNumber,
    fromOrganizationId: 'akimat-almaty',
    toOrganizationId: 'central-reception',
    reason: 'overdue',
    dueAt: at,
    escalatedAt: at,
    fromLevel: 'regional-akimat',
    toLevel: 'central-reception',
    escalatedBy: { kind: 'system', id: 'escalation' },
    newDueAt: at,
  },
  [EventTypes.transferred]: {
    appealId,
    trackingNumber,
    fromOrganizationId: 'akimat-almaty',
    toOrganizationId: 'akimat-almaty-region',
    reason: 'The road is maintained by the region, not the city',
    transferredBy: { kind: 'staff', id: 'staff-7f3a' },
    transferredAt: at,
  },
  [EventTypes.transferRequested]: {
    appealId,
    trackingNumber,
    organizationId: 'akimat-almaty',
    reason: 'The road is maintained by the region, not the city',
    suggestedOrganizationId: 'akimat-almaty-region',
    requestedBy: { kind: 'staff', id: 'staff-7f3a' },
    requestedAt: at,
  },
  [EventTypes.takenUnderControl]: {
    appealId,
    trackingNumber,
    organizationId: 'central-reception',
    note: 'Follow up with the akimat weekly',
    takenBy: { kind: 'staff', id: 'staff-cr-1' },
    takenAt: at,
  },
  [NotificationEventTypes.sent]: {
    appealId,
    trackingNumber,
    notificationId: '4711',
    eventId: 'e-1',
    eventType: EventTypes.routed,
    channel: 'in-app',
    recipientKind: 'organization',
    organizationId: 'akimat-almaty',
    template: 'appeal-assigned',
    attempts: 1,
    sentAt: '2026-03-03T10:00:02+05:00',
    inApp: {
      title: { kk: 'Жаңа өтініш', ru: 'Новое обращение', en: 'New appeal' },
      body: { kk: 'Өтініш келді.', ru: 'Поступило обращение.', en: 'An appeal arrived.' },
    },
  },
  [NotificationEventTypes.failed]: {
    appealId,
    trackingNumber,
    notificationId: '4712',
    eventId: 'e-1',
    eventType: EventTypes.routed,
    channel: 'email',
    recipientKind: 'citizen',
    template: 'appeal-routed',
    attempts: 3,
    failedAt: '2026-03-03T10:05:00+05:00',
    reason: 'exhausted',
  },

  [EventTypes.accepted]: {
    appealId,
    trackingNumber,
    organizationId: 'akimat-almaty',
    acceptedBy: { kind: 'staff', id: 'staff-7f3a' },
    acceptedAt: at,
  },
  [EventTypes.responded]: {
    appealId,
    trackingNumber,
    organizationId: 'akimat-almaty',
    respondedBy: { kind: 'staff', id: 'staff-7f3a' },
    responseId: 'resp-1',
    respondedAt: at,
  },
  [EventTypes.resolved]: {
    appealId,
    trackingNumber,
    organizationId: 'akimat-almaty',
    resolvedBy: { kind: 'citizen', id: 'citizen' },
    resolvedAt: at,
  },
  [EventTypes.reopened]: {
    appealId,
    trackingNumber,
    reopenedBy: { kind: 'citizen', id: 'citizen' },
    reopenedAt: at,
  },
  [EventTypes.deadlineExtended]: {
    appealId,
    trackingNumber,
    organizationId: 'akimat-almaty',
    dueAt: at,
    reason: 'An expert opinion of the roads department is needed',
    decidedBy: { kind: 'staff', id: 'head-akimat-almaty' },
    decidedAt: at,
  },
  [EventTypes.escalationRequested]: {
    appealId,
    trackingNumber,
    reason: 'Third complaint about the same heating outage',
    requestedBy: { kind: 'staff', id: 'supervisor-1' },
    requestedAt: at,
  },
  [EventTypes.actionRefused]: {
    appealId,
    trackingNumber,
    refusedType: 'kz.appeals.deadline-extended.v1',
    refusedEventId: 'evt-9',
    code: 'beyond-legal-limit',
    message: 'the new deadline is more than two months after the original one',
    refusedAt: at,
  },
};

describe('EventPayloads', () => {
  it('maps the submitted type and every typed lifecycle type to a class', () => {
    expect(Object.keys(EventPayloads).sort()).toEqual(
      [EventTypes.submitted, ...Object.keys(goodData)].sort(),
    );
    expect(payloadClassFor(EventTypes.registered)).toBe(AppealRegisteredData);
    expect(payloadClassFor('kz.appeals.unknown.v1')).toBeUndefined();
    expect(payloadClassFor('toString')).toBeUndefined();
  });

  it('only maps known lifecycle and notification types (and submitted)', () => {
    const known: readonly string[] = [
      EventTypes.submitted,
      ...LIFECYCLE_EVENT_TYPES,
      ...NOTIFICATION_EVENT_TYPES,
    ];
    for (const type of Object.keys(EventPayloads)) {
      expect(known.includes(type)).toBe(true);
    }
  });

  it.each(Object.keys(goodData))('accepts good %s data', (type) => {
    const cls = payloadClassFor(type);
    expect(cls).toBeDefined();
    if (cls === undefined) return;
    const result = validatePayload(cls, goodData[type]);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.value).toBeInstanceOf(AppealEventData);
  });

  it.each(Object.keys(goodData))('requires appealId and trackingNumber in %s', (type) => {
    const cls = payloadClassFor(type);
    if (cls === undefined) throw new Error(type);
    const rest = { ...goodData[type] };
    delete rest.appealId;
    delete rest.trackingNumber;
    const result = validatePayload(cls, rest);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'appealId', reason: 'appealId is required', code: 'isDefined' },
        { field: 'trackingNumber', reason: 'trackingNumber is required', code: 'isDefined' },
      ],
    });
  });

  it('keeps the IIN out of registered: it is an unknown property there', () => {
    const data = goodData[EventTypes.registered] ?? {};
    const result = validateEventData(EventTypes.registered, {
      ...data,
      citizen: { ...(data.citizen as object), iin: '900101300017' },
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'citizen.iin', reason: 'property iin should not exist', code: 'whitelistValidation' },
      ],
    });
  });

  it('checks who took a step: a kind and an account or service id', () => {
    const result = validateEventData(EventTypes.accepted, {
      ...goodData[EventTypes.accepted],
      acceptedBy: { kind: 'robot', id: 'Иван Иванов' },
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'acceptedBy.kind',
          reason: 'kind must be one of: staff, citizen, system',
          code: 'isEnum',
          params: { values: 'staff, citizen, system' },
        },
        {
          field: 'acceptedBy.id',
          reason:
            'id must be an account or service id: letters, digits and . _ : - (never an e-mail address)',
          code: 'actorId',
        },
      ],
    });
  });

  it.each(['2025-02-30', '2025-13-01', '2025-3-1', '20250301'])(
    'refuses a registeredOn that is not a day on the calendar (%s)',
    (registeredOn) => {
      const result = validateEventData(EventTypes.deadlineAssigned, {
        ...goodData[EventTypes.deadlineAssigned],
        registeredOn,
      });
      expect(result).toEqual({
        ok: false,
        errors: [
          { field: 'registeredOn', reason: 'registeredOn must be a day YYYY-MM-DD', code: 'isCalendarDay' },
        ],
      });
    },
  );

  it('refuses an e-mail address as an actor id: ids only, never personal data', () => {
    const result = validateEventData(EventTypes.accepted, {
      ...goodData[EventTypes.accepted],
      acceptedBy: { kind: 'staff', id: 'aliya@akimat.kz' },
    });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'acceptedBy.id' }] });
  });

  it('accepts an escalated event written before the chain (no levels, reason deadline-missed)', () => {
    const legacy = {
      appealId,
      trackingNumber,
      fromOrganizationId: 'akimat-almaty',
      toOrganizationId: 'central-reception',
      reason: 'deadline-missed',
      escalatedAt: at,
    };
    expect(validateEventData(EventTypes.escalated, legacy)).toMatchObject({ ok: true });
  });

  it('types the value by event type', () => {
    const result = validateEventData(EventTypes.escalated, {
      ...goodData[EventTypes.escalated],
      reason: 'bored',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'reason',
          reason: 'reason must be one of: overdue, answer-rejected, manual, deadline-missed',
          code: 'isEnum',
          params: { values: 'overdue, answer-rejected, manual, deadline-missed' },
        },
      ],
    });
    const ok = validateEventData(EventTypes.routed, goodData[EventTypes.routed]);
    if (!ok.ok) throw new Error('expected routed data to pass');
    const isFallback: boolean = ok.value.isFallback; // compiles only because the value is AppealRoutedData
    expect(isFallback).toBe(false);
  });
});
