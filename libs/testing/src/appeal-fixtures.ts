import {
  computeIinCheckDigit,
  newCloudEvent,
  type CloudEvent,
  type SubmittedAppealData,
} from '@app/contracts';
import { randomUUID } from 'node:crypto';

/** A valid IIN for a man born on `birthDate` (YYMMDD in the 1900s, century/sex digit 3), check digit computed. */
export function validIin(serial = '0123', birthDate = '900315'): string {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const first11 = `${birthDate}${'3'}${String((Number(serial) + attempt) % 10_000).padStart(4, '0')}`;
    const check = computeIinCheckDigit(first11);
    if (check !== undefined) return `${first11}${check}`;
  }
  throw new Error('no valid IIN found');
}

export function submittedAppeal(overrides: Partial<SubmittedAppealData> = {}): SubmittedAppealData {
  return {
    externalId: `portal-${randomUUID()}`,
    kind: 'complaint',
    category: 'roads.repair',
    regionKato: '751110000',
    subject: 'Жолды жөндеу',
    text: 'Әкімдікке өтініш: жолды жөндеу қажет. Ғимарат, қала, ұя, үй, һәм, іс.',
    language: 'kk',
    citizen: {
      fullName: 'Әсел Нұрланқызы',
      iin: validIin(),
      email: 'asel@example.kz',
      phone: '+77011234567',
      preferredChannel: 'email',
    },
    channel: 'portal',
    submittedAt: new Date().toISOString(),
    ...overrides,
  };
}

export const PORTAL_SOURCE = 'urn:kz:egov:portal';

export function submittedEvent(
  data: SubmittedAppealData,
  id = randomUUID(),
): CloudEvent<SubmittedAppealData> {
  return newCloudEvent({ type: 'kz.appeals.submitted.v1', source: PORTAL_SOURCE, id, data });
}
