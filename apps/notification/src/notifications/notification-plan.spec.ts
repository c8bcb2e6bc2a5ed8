import { EventTypes } from '@app/contracts';
import {
  NotificationPlanner,
  type AppealFacts,
  type CitizenLinks,
  type PlannedNotification,
} from './notification-plan';

const appealId = '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11';
const trackingNumber = 'KZ-2026-7K3M-9Q2X';
const links: CitizenLinks = {
  trackUrl: (tn) => `https://portal.example.kz/track/${tn}`,
  decisionUrl: (id, tn, responseId) =>
    `https://portal.example.kz/track/${tn}/answer?response=${responseId}&for=${id}`,
};
const planner = new NotificationPlanner(links);

const smsCitizen: AppealFacts = {
  trackingNumber,
  holderOrganizationId: 'akimat-abai',
  contact: {
    fullName: 'Әсел Нұрланқызы',
    phone: '+77011234567',
    email: 'asel@example.kz',
    preferredChannel: 'sms',
    language: 'kk',
  },
};

function plan(
  type: string,
  data: Record<string, unknown> = {},
  appeal: AppealFacts = smsCitizen,
): PlannedNotification[] {
  return planner.plan({ type, data: { appealId, trackingNumber, ...data } }, appeal);
}

const who = (planned: PlannedNotification[]): string[] =>
  planned.map((n) => `${n.recipientKind}:${n.recipient}:${n.channel}:${n.template}`);

describe('NotificationPlanner (who hears what)', () => {
  it('tells the citizen the tracking number by the channel they chose, in their language, with the status page', () => {
    const [message] = plan(EventTypes.registered);
    expect(message).toEqual({
      recipientKind: 'citizen',
      recipient: '+77011234567',
      channel: 'sms',
      template: 'appeal-registered',
      language: 'kk',
      params: {
        trackingNumber,
        citizenName: 'Әсел Нұрланқызы',
        trackUrl: `https://portal.example.kz/track/${trackingNumber}`,
      },
    });
  });

  it('tells the citizen which body answers, and that body of the new case once it has its deadline', () => {
    const routed = plan(EventTypes.routed, {
      organizationId: 'akimat-abai',
      organizationName: 'Абай облысының әкімдігі',
    });
    expect(who(routed)).toEqual(['citizen:+77011234567:sms:appeal-routed']);
    expect(routed[0].params.organizationName).toBe('Абай облысының әкімдігі');
    const dueAt = '2026-12-21T23:59:59.999+05:00';
    for (const cause of ['routed', undefined]) {
      const assigned = plan(EventTypes.deadlineAssigned, {
        organizationId: 'akimat-abai',
        dueAt,
        ...(cause ? { cause } : {}),
      });
      expect(who(assigned)).toEqual(['organization:akimat-abai:in-app:appeal-assigned']);
      expect(assigned[0].params.dueAt).toBe(dueAt);
    }
  });

  it.each(['transferred', 'reopened'])(
    'does not repeat the new-case message for a deadline moved by %s',
    (cause) => {
      expect(
        plan(EventTypes.deadlineAssigned, {
          organizationId: 'akimat-abai',
          dueAt: '2026-12-21T23:59:59.999+05:00',
          cause,
        }),
      ).toEqual([]);
    },
  );

  it('tells the citizen of a transfer and the new body that the case is theirs', () => {
    const planned = plan(EventTypes.transferred, {
      fromOrganizationId: 'akimat-abai',
      toOrganizationId: 'akimat-almaty',
      toOrganizationName: 'Алматы қаласының әкімдігі',
    });
    expect(who(planned)).toEqual([
      'citizen:+77011234567:sms:appeal-transferred',
      'organization:akimat-almaty:in-app:appeal-transferred-in',
    ]);
    expect(planned[0].params.organizationName).toBe('Алматы қаласының әкімдігі');
  });

  it('tells the citizen the new date of an extension once escalation has moved the clock, and staff of a coming deadline', () => {
    // The console's request alone tells nobody: escalation may refuse it (beyond the legal limit).
    expect(
      plan(EventTypes.deadlineExtended, {
        organizationId: 'akimat-abai',
        dueAt: '2026-12-25T23:59:59.999+05:00',
      }),
    ).toEqual([]);
    const extended = plan(EventTypes.deadlineAssigned, {
      organizationId: 'akimat-abai',
      dueAt: '2026-12-25T23:59:59.999+05:00',
      cause: 'extended',
    });
    expect(who(extended)).toEqual(['citizen:+77011234567:sms:deadline-extended']);
    expect(extended[0].params.dueAt).toBe('2026-12-25T23:59:59.999+05:00');
    const warning = plan(EventTypes.deadlineWarning, {
      organizationId: 'akimat-abai',
      dueAt: '2026-12-20T23:59:59.999+05:00',
    });
    expect(who(warning)).toEqual(['organization:akimat-abai:in-app:deadline-warning']);
  });

  it('sends the citizen the answer itself with the link that accepts or rejects it', () => {
    const [message] = plan(EventTypes.responded, {
      organizationId: 'akimat-abai',
      responseId: 'r-1',
      text: 'Жол жөнделеді.',
    });
    expect(message.params).toMatchObject({
      answerText: 'Жол жөнделеді.',
      decisionUrl: `https://portal.example.kz/track/${trackingNumber}/answer?response=r-1&for=${appealId}`,
    });
  });

  it('tells the body holding the case when the citizen reopens it', () => {
    expect(who(plan(EventTypes.reopened))).toEqual(['organization:akimat-abai:in-app:appeal-reopened']);
    expect(plan(EventTypes.reopened, {}, { ...smsCitizen, holderOrganizationId: null })).toEqual([]);
  });

  it.each(['overdue', 'answer-rejected', 'manual', 'deadline-missed'])(
    'tells the citizen, the next level and the region of an escalation whatever the reason (%s)',
    (reason) => {
      const planned = plan(EventTypes.escalated, {
        fromOrganizationId: 'akimat-abai',
        toOrganizationId: 'central-reception',
        reason,
      });
      expect(who(planned)).toEqual([
        'citizen:+77011234567:sms:appeal-escalated',
        'organization:central-reception:in-app:appeal-escalated-to',
        'organization:akimat-abai:in-app:appeal-escalated-from',
      ]);
      expect(planned[0].params).toMatchObject({ toCentralReception: true, escalationReason: reason });
    },
  );

  it('uses e-mail when the citizen chose it, and skips them when the chosen channel has no address', () => {
    const emailCitizen = {
      ...smsCitizen,
      contact: { ...smsCitizen.contact!, preferredChannel: 'email' as const },
    };
    expect(who(plan(EventTypes.registered, {}, emailCitizen))).toEqual([
      'citizen:asel@example.kz:email:appeal-registered',
    ]);
    const noPhone = { ...smsCitizen, contact: { ...smsCitizen.contact!, phone: undefined } };
    expect(plan(EventTypes.registered, {}, noPhone)).toEqual([]);
  });

  it('keeps personal data out of staff messages', () => {
    const planned = plan(EventTypes.escalated, {
      fromOrganizationId: 'akimat-abai',
      toOrganizationId: 'central-reception',
      reason: 'overdue',
    });
    for (const message of planned.filter((n) => n.recipientKind === 'organization'))
      expect(JSON.stringify(message)).not.toMatch(/Әсел|\+7701|asel@/);
  });

  it.each([EventTypes.accepted, EventTypes.resolved, EventTypes.takenUnderControl, EventTypes.actionRefused])(
    'tells nobody of %s',
    (type) => {
      expect(plan(type, { organizationId: 'akimat-abai' })).toEqual([]);
    },
  );
});
