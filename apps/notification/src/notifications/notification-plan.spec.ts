import { EventTypes } from '@app/contracts';
import { planNotifications, type CitizenContact } from './notification-plan';

const smsCitizen: CitizenContact = {
  fullName: 'Әсел Нұрланқызы',
  phone: '+77011234567',
  preferredChannel: 'sms',
  language: 'kk',
};

describe('planNotifications', () => {
  it('tells the citizen by SMS in Kazakh when they asked for SMS', () => {
    expect(planNotifications({ type: EventTypes.registered }, smsCitizen)).toEqual([
      {
        recipientKind: 'citizen',
        recipient: '+77011234567',
        channel: 'sms',
        template: 'appeal-registered',
        language: 'kk',
      },
    ]);
  });

  it('tells both the citizen and the assigned akimat when an appeal is routed', () => {
    const plan = planNotifications({ type: EventTypes.routed, organizationId: 'akimat-astana' }, smsCitizen);
    expect(plan.map((n) => `${n.recipientKind}:${n.recipient}:${n.channel}`)).toEqual([
      'citizen:+77011234567:sms',
      'organization:akimat-astana:in-app',
    ]);
  });

  it('tells the region and the central reception about an escalation', () => {
    const plan = planNotifications(
      {
        type: EventTypes.escalated,
        fromOrganizationId: 'akimat-abai',
        toOrganizationId: 'central-reception',
      },
      null,
    );
    expect(plan.map((n) => n.recipient)).toEqual(['akimat-abai', 'central-reception']);
  });

  it.each(['overdue', 'deadline-missed', 'answer-rejected', 'manual'])(
    'tells the citizen, the region and the next level alike whatever the reason (%s)',
    (reason) => {
      // The whole escalated data, as the recorder passes it: levels and actor of the chain, or neither (legacy).
      const escalated = {
        type: EventTypes.escalated,
        appealId: '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11',
        trackingNumber: 'KZ-2025-000123',
        fromOrganizationId: 'akimat-abai',
        toOrganizationId: 'central-reception',
        reason,
        escalatedAt: '2025-03-22T00:00:00+05:00',
        ...(reason === 'deadline-missed'
          ? {}
          : {
              fromLevel: 'regional-akimat',
              toLevel: 'central-reception',
              escalatedBy: { kind: 'system', id: 'escalation' },
              newDueAt: '2025-04-11T23:59:59.999+05:00',
            }),
      };
      const plan = planNotifications(escalated, smsCitizen);
      expect(plan.map((n) => `${n.recipientKind}:${n.recipient}:${n.template}`)).toEqual([
        'citizen:+77011234567:appeal-escalated',
        'organization:akimat-abai:appeal-escalated-from',
        'organization:central-reception:appeal-escalated-to',
      ]);
    },
  );

  it('skips the citizen when the chosen channel has no address', () => {
    expect(planNotifications({ type: EventTypes.registered }, { ...smsCitizen, phone: undefined })).toEqual(
      [],
    );
  });
});
