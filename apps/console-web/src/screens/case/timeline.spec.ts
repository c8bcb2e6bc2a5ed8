import { EventTypes, LIFECYCLE_EVENT_TYPES, NotificationEventTypes } from '@app/contracts/event-types';
import { actorOf, describeEntry, policyPhrase, shortTypeOf, TIMELINE_TITLE_KEYS } from './timeline';

describe('describeEntry', () => {
  it('has words for every lifecycle event type and for a failed notification', () => {
    for (const type of [...LIFECYCLE_EVENT_TYPES, NotificationEventTypes.failed]) {
      const described = describeEntry({ type, data: {} });
      expect(described.title.key).not.toBe('timeline.type.unknown');
      expect(described.title.key).toBe(TIMELINE_TITLE_KEYS[type]);
    }
  });

  it('names an unknown type by its code rather than failing', () => {
    expect(describeEntry({ type: 'kz.appeals.future.v2', data: { secret: 'x' } })).toEqual({
      title: { key: 'timeline.type.unknown', values: { type: 'kz.appeals.future.v2' } },
      actor: null,
      details: [],
      problem: false,
    });
  });

  it('tells who took a step by the actor id, never dumping the data', () => {
    const described = describeEntry({
      type: EventTypes.accepted,
      data: { organizationId: 'akimat-almaty', acceptedBy: { kind: 'staff', id: 'u-1' }, acceptedAt: 'x' },
    });
    expect(described.title).toEqual({ key: 'timeline.type.accepted' });
    expect(described.actor).toEqual({ key: 'timeline.actor.staff', values: { id: 'u-1' } });
    expect(described.details).toEqual([]);
  });

  it('explains a deadline that was set: the due time, the rule in working days, the cause and level', () => {
    const described = describeEntry({
      type: EventTypes.deadlineAssigned,
      data: {
        cause: 'routed',
        dueAt: '2026-12-23T18:59:59.999Z',
        level: 'regional-akimat',
        policy: '15 working days',
        registeredOn: '2026-12-01',
      },
    });
    expect(described.details).toEqual([
      { label: 'timeline.field.dueAt', value: { kind: 'time', iso: '2026-12-23T18:59:59.999Z' } },
      {
        label: 'timeline.field.policy',
        value: { kind: 'phrase', phrase: { key: 'deadline.workingDays', values: { count: 15 } } },
      },
      {
        label: 'timeline.field.cause',
        value: { kind: 'phrase', phrase: { key: 'deadline.cause.routed', fallback: 'routed' } },
      },
      {
        label: 'timeline.field.level',
        value: {
          kind: 'phrase',
          phrase: { key: 'common:level.regional-akimat', fallback: 'regional-akimat' },
        },
      },
    ]);
  });

  it('keeps a reason as text (multi-line), with the new deadline of an extension', () => {
    const described = describeEntry({
      type: EventTypes.deadlineExtended,
      data: {
        dueAt: '2027-01-15T18:59:59.000Z',
        reason: 'Line 1\n<b>Line 2</b>',
        decidedBy: { kind: 'staff', id: 's' },
      },
    });
    expect(described.details).toEqual([
      { label: 'timeline.field.newDueAt', value: { kind: 'time', iso: '2027-01-15T18:59:59.000Z' } },
      {
        label: 'timeline.field.reason',
        value: { kind: 'text', text: 'Line 1\n<b>Line 2</b>', multiline: true },
      },
    ]);
  });

  it('says the citizen was not notified, by which channel and why', () => {
    const described = describeEntry({
      type: NotificationEventTypes.failed,
      data: {
        eventType: EventTypes.responded,
        channel: 'email',
        recipientKind: 'citizen',
        reason: 'mailbox unavailable',
        attempts: 5,
        template: 'responded',
        notificationId: 'n-1',
      },
    });
    expect(described.problem).toBe(true);
    expect(described.title).toEqual({ key: 'timeline.type.notification-failed' });
    expect(described.details).toEqual([
      {
        label: 'timeline.field.channel',
        value: { kind: 'phrase', phrase: { key: 'timeline.channel.email', fallback: 'email' } },
      },
      {
        label: 'timeline.field.failureReason',
        value: { kind: 'text', text: 'mailbox unavailable', multiline: false },
      },
      { label: 'timeline.field.attempts', value: { kind: 'text', text: '5' } },
      {
        label: 'timeline.field.about',
        value: { kind: 'phrase', phrase: { key: 'timeline.type.responded' } },
      },
    ]);
  });

  it("says an organisation's staff were not notified when they were the recipients", () => {
    const described = describeEntry({
      type: NotificationEventTypes.failed,
      data: { channel: 'in-app', recipientKind: 'organization', reason: 'x', attempts: 1 },
    });
    expect(described.title.key).toBe('timeline.type.notification-failed-organization');
  });

  it('explains a refusal by its code, or by the message when the code is new', () => {
    const known = describeEntry({
      type: EventTypes.actionRefused,
      data: { refusedType: EventTypes.deadlineExtended, code: 'beyond-legal-limit', message: 'm' },
    });
    expect(known.details).toEqual([
      {
        label: 'timeline.field.refusedStep',
        value: { kind: 'phrase', phrase: { key: 'timeline.type.deadline-extended' } },
      },
      {
        label: 'timeline.field.refusal',
        value: {
          kind: 'phrase',
          phrase: { key: 'timeline.refusal.beyond-legal-limit', fallback: 'beyond-legal-limit' },
        },
      },
    ]);
    const unknown = describeEntry({
      type: EventTypes.actionRefused,
      data: { code: 'new-code', message: 'why' },
    });
    expect(unknown.details).toEqual([
      { label: 'timeline.field.refusal', value: { kind: 'text', text: 'why', multiline: false } },
    ]);
  });

  it('describes a transfer and an escalation with their bodies and reasons', () => {
    const transferred = describeEntry({
      type: EventTypes.transferred,
      data: {
        fromOrganizationId: 'a',
        toOrganizationId: 'b',
        toOrganizationName: 'B akimat',
        decision: 'rule',
        reason: 'r',
      },
    });
    expect(transferred.details.map((detail) => detail.label)).toEqual([
      'timeline.field.from',
      'timeline.field.to',
      'timeline.field.decision',
      'timeline.field.reason',
    ]);
    expect(transferred.details[1].value).toEqual({ kind: 'text', text: 'B akimat', multiline: false });
    const escalated = describeEntry({
      type: EventTypes.escalated,
      data: { fromOrganizationId: 'a', toOrganizationId: 'b', reason: 'overdue', toLevel: 'akim-office' },
    });
    expect(escalated.details[2].value).toEqual({
      kind: 'phrase',
      phrase: { key: 'timeline.escalationReason.overdue', fallback: 'overdue' },
    });
  });
});

describe('helpers', () => {
  it('shortens event types', () => {
    expect(shortTypeOf('kz.appeals.deadline-assigned.v1')).toBe('deadline-assigned');
    expect(shortTypeOf('other')).toBe('other');
  });

  it('reads a policy in working days, or shows a drill duration as it is', () => {
    expect(policyPhrase('1 working day')).toEqual({ key: 'deadline.workingDays', values: { count: 1 } });
    expect(policyPhrase('PT5S')).toEqual({ key: 'deadline.policyOther', values: { policy: 'PT5S' } });
  });

  it('finds the actor whatever the step calls it, and nothing when there is none', () => {
    expect(actorOf({ takenBy: { kind: 'staff', id: 'c-1' } })).toEqual({
      key: 'timeline.actor.staff',
      values: { id: 'c-1' },
    });
    expect(actorOf({ reopenedBy: { kind: 'citizen', id: 'citizen' } })?.key).toBe('timeline.actor.citizen');
    expect(actorOf({ requestedBy: { kind: 'robot', id: 'r' } })?.key).toBe('timeline.actor.other');
    expect(actorOf({ organizationId: 'x' })).toBeNull();
  });
});
