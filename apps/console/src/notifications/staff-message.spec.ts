import type { NotificationSentData } from '@app/contracts';
import { viewIn } from './staff-message';
import { staffMessageOf } from './staff-inbox';

const inApp = {
  title: { kk: 'Жаңа өтініш', ru: 'Новое обращение', en: 'New appeal' },
  body: {
    kk: 'KZ-1 өтініші сізге келді.',
    ru: 'Обращение KZ-1 поступило к вам.',
    en: 'Appeal KZ-1 came to you.',
  },
};

const sent: NotificationSentData = {
  appealId: '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11',
  trackingNumber: 'KZ-1',
  notificationId: 'n-1',
  eventId: 'e-1',
  eventType: 'kz.appeals.routed.v1',
  channel: 'in-app',
  recipientKind: 'organization',
  organizationId: 'akimat-almaty',
  template: 'appeal-assigned',
  attempts: 1,
  sentAt: '2026-03-02T04:00:00Z',
  inApp,
};

describe('staffMessageOf', () => {
  it("keeps an in-app message for an organisation's staff, in every language", () => {
    expect(staffMessageOf(sent)).toEqual({
      id: 'n-1',
      organizationId: 'akimat-almaty',
      appealId: sent.appealId,
      trackingNumber: 'KZ-1',
      eventType: 'kz.appeals.routed.v1',
      template: 'appeal-assigned',
      title: inApp.title,
      body: inApp.body,
      sentAt: sent.sentAt,
    });
  });

  it("leaves the citizen's e-mail and a system's webhook, and an in-app outcome without its texts or body", () => {
    expect(
      staffMessageOf({ ...sent, channel: 'email', recipientKind: 'citizen', inApp: undefined }),
    ).toBeUndefined();
    expect(staffMessageOf({ ...sent, channel: 'webhook', recipientKind: 'system' })).toBeUndefined();
    expect(staffMessageOf({ ...sent, inApp: undefined })).toBeUndefined();
    expect(staffMessageOf({ ...sent, organizationId: undefined })).toBeUndefined();
  });
});

describe('viewIn', () => {
  const message = {
    ...(staffMessageOf(sent) as NonNullable<ReturnType<typeof staffMessageOf>>),
    seq: 7,
    createdAt: 'x',
  };

  it.each(['kk', 'ru', 'en'] as const)('shows title and body in %s', (language) => {
    expect(viewIn(language, message, true)).toMatchObject({
      language,
      title: inApp.title[language],
      body: inApp.body[language],
      read: true,
    });
  });

  it('shows no arrival number and no addressee', () => {
    expect(Object.keys(viewIn('kk', message, false))).not.toEqual(
      expect.arrayContaining(['seq', 'organizationId']),
    );
  });
});
