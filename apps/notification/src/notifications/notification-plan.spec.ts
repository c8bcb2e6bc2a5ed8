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

  it('skips the citizen when the chosen channel has no address', () => {
    expect(planNotifications({ type: EventTypes.registered }, { ...smsCitizen, phone: undefined })).toEqual(
      [],
    );
  });
});
