import type { AppealLanguage } from '@app/contracts';
import { LANGUAGES, loadCatalogue } from './message-catalogue';
import {
  CITIZEN_TEMPLATES,
  formatDate,
  MessageRenderer,
  type MessageParams,
  STAFF_TEMPLATES,
} from './message-renderer';

const TRACKING = 'KZ-2026-ABCD-EFGH';
const TRACK_URL = `https://appeals.egov.kz/track/${TRACKING}`;
/** As long as the console's real link: a response id and a 43-character secret. */
const DECISION_URL = `${TRACK_URL}/answer?response=3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b&secret=${'x'.repeat(43)}`;

const FULL: MessageParams = {
  trackingNumber: TRACKING,
  citizenName: 'Айгерім Сейітқызы',
  organizationName: 'Алматы облысы әкімдігінің азаматтарды қабылдау бөлімі',
  dueAt: '2026-12-15T10:00:00Z',
  answerText: 'Сіздің сұрағыңыз бойынша мынаны хабарлаймыз.\nЕкінші жол.\n\nЕкінші абзац.',
  decisionUrl: DECISION_URL,
  trackUrl: TRACK_URL,
  toCentralReception: false,
  escalationReason: 'overdue',
};
/** The full params but one: absent, not undefined (a strict template accepts a key that is there). */
function without(key: keyof MessageParams): MessageParams {
  const params: Partial<MessageParams> = { ...FULL };
  delete params[key];
  return params as MessageParams;
}
const BRANCHES = [false, true].map((toCentralReception) => ({ ...FULL, toCentralReception }));
const { languages } = loadCatalogue();
const DATE_FORMAT = (language: AppealLanguage) => languages[language].dateFormat;

/** SMS parts a message takes: GSM-7 text 160 alone, 153 a part; anything else (Cyrillic) is UCS-2, 70 and 67. */
function smsSegments(text: string): number {
  const gsm = /^[A-Za-z0-9 .,:;!?'"()@&%+\-/=_#*<>\n]*$/.test(text);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  return text.length <= single ? 1 : Math.ceil(text.length / part);
}

describe('MessageRenderer', () => {
  const renderer = new MessageRenderer();

  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(CITIZEN_TEMPLATES)('renders the citizen e-mail %s with its tracking number', (template) => {
      for (const params of BRANCHES) {
        const email = renderer.citizen(template, 'email', language, params);
        if (email.kind !== 'email') throw new Error(`expected an e-mail, got ${email.kind}`);
        expect(email.subject).toContain(TRACKING);
        expect(email.text).toContain(TRACKING);
        expect(email.html).toContain(TRACKING);
        expect(email.html).toMatch(/^<!DOCTYPE html>/);
        expect(email.html).toContain(`<html lang="${language}">`);
        expect(email.html).toContain(`<a href="${TRACK_URL}">`);
        expect(email.text).toContain(FULL.citizenName);
        expect(email.text).not.toMatch(/\n\n\n/);
      }
    });

    it.each(CITIZEN_TEMPLATES)('renders the citizen SMS %s with its tracking number', (template) => {
      for (const params of BRANCHES) {
        const sms = renderer.citizen(template, 'sms', language, params);
        if (sms.kind !== 'sms') throw new Error(`expected an SMS, got ${sms.kind}`);
        expect(sms.text).toContain(TRACKING);
      }
    });

    it.each(CITIZEN_TEMPLATES)(
      'keeps the SMS %s short: at most 160 characters besides its params, 3 parts',
      (template) => {
        for (const params of BRANCHES) {
          const { text } = renderer.citizen(template, 'sms', language, params) as { text: string };
          const values = [DECISION_URL, TRACK_URL, TRACKING, FULL.organizationName!];
          const own = values.reduce((rest, value) => rest.split(value).join(''), text);
          expect(
            own.replace(formatDate(FULL.dueAt, language, DATE_FORMAT(language)), '').length,
          ).toBeLessThanOrEqual(160);
          expect(smsSegments(text)).toBeLessThanOrEqual(3);
        }
      },
    );

    it('puts the answer itself in the e-mail, and its link in the SMS', () => {
      const email = renderer.citizen('appeal-responded', 'email', language, FULL) as {
        text: string;
        html: string;
      };
      expect(email.text).toContain(FULL.answerText);
      expect(email.text).toContain(DECISION_URL);
      expect(email.html).toContain('хабарлаймыз.<br>\nЕкінші жол.</p>');
      expect(email.html).toContain('<p style="margin: 0 0 16px">Екінші абзац.</p>');
      expect(renderer.citizen('appeal-responded', 'sms', language, FULL)).toEqual({
        kind: 'sms',
        text: expect.stringContaining(DECISION_URL),
      });
    });

    it('greets without a name when there is none', () => {
      const email = renderer.citizen('appeal-registered', 'email', language, without('citizenName')) as {
        text: string;
      };
      expect(email.text.split('\n\n')[0]).toMatch(
        /^(Құрметті өтініш беруші!|Здравствуйте!|Dear applicant,)$/,
      );
    });
  });

  it.each(STAFF_TEMPLATES)(
    'renders the staff message %s in every language with its tracking number',
    (template) => {
      for (const params of BRANCHES) {
        const content = renderer.staff(template, params);
        if (content.kind !== 'in-app') throw new Error(`expected in-app, got ${content.kind}`);
        for (const language of LANGUAGES) {
          expect(content.title[language]).toContain(TRACKING);
          expect(content.body[language]).toContain(TRACKING);
          // No personal data for staff, whatever the caller passes.
          expect(content.body[language]).not.toContain(FULL.citizenName);
          expect(content.body[language]).not.toContain('абзац');
        }
      }
    },
  );

  it('says the reason and the central reception to staff', () => {
    const content = renderer.staff('appeal-escalated-from', { ...FULL, toCentralReception: true });
    expect(content).toMatchObject({
      kind: 'in-app',
      body: {
        kk: expect.stringContaining(
          'Азаматтарды қабылдау орталығының бақылауына алынды. Себебі: жауап беру мерзімі өтіп кетті.',
        ),
        ru: expect.stringContaining(
          'поставлено на контроль Центра приёма граждан. Причина: истёк срок ответа.',
        ),
        en: expect.stringContaining(
          'under the control of the Central Reception of Citizens. Reason: the answer deadline passed.',
        ),
      },
    });
  });

  describe('escaping', () => {
    const hostile = {
      ...FULL,
      answerText: '<script>alert("x")</script> & <b>bold</b>',
      citizenName: 'Ann <img src=x>',
    };

    it('escapes every param in the HTML e-mail', () => {
      const { html } = renderer.citizen('appeal-responded', 'email', 'en', hostile) as { html: string };
      expect(html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
      );
      expect(html).toContain('Dear Ann &lt;img src&#x3D;x&gt;,');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<b>');
      expect(html).not.toContain('<img');
    });

    it('leaves the plain text and the SMS as they are', () => {
      const { text } = renderer.citizen('appeal-responded', 'email', 'en', hostile) as { text: string };
      expect(text).toContain(hostile.answerText);
      expect(text).toContain('Dear Ann <img src=x>,');
      const sms = renderer.citizen('appeal-routed', 'sms', 'ru', {
        ...FULL,
        organizationName: 'ТОО «A & B»',
      });
      expect(sms).toEqual({ kind: 'sms', text: expect.stringContaining('ТОО «A & B»') });
    });

    it('escapes the subject in the HTML title', () => {
      const { html } = renderer.citizen('appeal-registered', 'email', 'en', {
        ...FULL,
        trackingNumber: 'KZ<1>',
      }) as {
        html: string;
      };
      expect(html).toContain('<title>Your appeal has been registered: No. KZ&lt;1&gt;</title>');
    });

    it('makes only http(s) links clickable', () => {
      expect(() =>
        renderer.citizen('appeal-registered', 'email', 'en', { ...FULL, trackUrl: 'javascript:alert(1)' }),
      ).toThrow('{{link}} needs an http(s) URL');
    });
  });

  describe('strict templates', () => {
    it('refuses a citizen message without its tracking number, naming the template', () => {
      const params = without('trackingNumber');
      expect(() => renderer.citizen('appeal-registered', 'email', 'kk', params)).toThrow(
        /appeal-registered \(kk, subject\): "trackingNumber" not defined/,
      );
      expect(() => renderer.citizen('appeal-registered', 'sms', 'ru', params)).toThrow(
        /"trackingNumber" not defined/,
      );
    });

    it('refuses a message without a param it needs', () => {
      expect(() => renderer.citizen('appeal-routed', 'email', 'en', without('organizationName'))).toThrow(
        /"organizationName" not defined/,
      );
      expect(() => renderer.staff('deadline-warning', { trackingNumber: TRACKING })).toThrow(
        '{{date}} needs an ISO timestamp',
      );
      expect(() => renderer.staff('appeal-escalated-from', { ...FULL, escalationReason: 'bored' })).toThrow(
        '{{reason}} needs an escalation reason',
      );
    });

    it.each(LANGUAGES)(
      'still tells the citizen (%s) of an answer or a transfer from an event written before it carried the text or name',
      (language) => {
        const answered = renderer.citizen('appeal-responded', 'email', language, without('answerText'));
        const transferred = renderer.citizen(
          'appeal-transferred',
          'sms',
          language,
          without('organizationName'),
        );
        if (answered.kind !== 'email' || transferred.kind !== 'sms') throw new Error('unexpected content');
        expect(answered.text).toContain(TRACKING);
        expect(transferred.text).toContain(TRACKING);
        expect(transferred.text).not.toMatch(/:\s*\.$/);
      },
    );

    it('refuses a language it does not speak', () => {
      expect(() => renderer.citizen('appeal-registered', 'sms', 'de' as AppealLanguage, FULL)).toThrow(
        'No citizen message appeal-registered in language de',
      );
    });
  });
});

describe('formatDate', () => {
  it.each([
    ['kk', '2026 жылғы 15 желтоқсан'],
    ['ru', '15 декабря 2026 г.'],
    ['en', '15 December 2026'],
  ] as const)('writes a date in %s words', (language, expected) => {
    expect(formatDate('2026-12-15T10:00:00Z', language, DATE_FORMAT(language))).toBe(expected);
  });

  it('takes the day in Kazakhstan (UTC+5)', () => {
    expect(formatDate('2026-12-15T19:30:00Z', 'en', DATE_FORMAT('en'))).toBe('16 December 2026');
  });

  // A Node built with small ICU would fall back to English month names.
  it("has twelve Kazakh month names from Node's ICU", () => {
    const months = Array.from({ length: 12 }, (_, month) =>
      formatDate(`2026-${String(month + 1).padStart(2, '0')}-10T00:00:00Z`, 'kk', 'MMMM'),
    );
    expect(new Set(months).size).toBe(12);
    for (const month of months) expect(month).toMatch(/^[а-яәғқңөұүһі]+$/);
    expect(months.filter((month) => /[әғқңөұүһі]/.test(month)).length).toBeGreaterThan(6);
  });

  it('refuses what is not a timestamp', () => {
    expect(() => formatDate('someday', 'en', 'd MMMM yyyy')).toThrow('{{date}} needs an ISO timestamp');
  });
});
