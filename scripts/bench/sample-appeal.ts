import { computeIinCheckDigit, newCloudEvent, type SubmittedAppealData } from '@app/contracts';
import { randomUUID } from 'node:crypto';

const FIRST_ELEVEN = '90031530012';
const SAMPLE_IIN = `${FIRST_ELEVEN}${computeIinCheckDigit(FIRST_ELEVEN) ?? 0}`;

/**
 * A realistic submitted appeal (Kazakh text, full citizen block): the payload every measurement uses. Its
 * external id is `<runTag>-<index>`, so a run can find its own appeals among the others.
 */
export function sampleSubmittedEvent(index: number, runTag = 'bench'): string {
  const data: SubmittedAppealData = {
    externalId: `${runTag}-${index}`,
    kind: 'application',
    category: 'housing.utilities',
    regionKato: ['751110000', '711010000', '791010000', '351010000', '631010000'][index % 5],
    subject: 'Жылу беру мәселесі',
    text: 'Құрметті әкімдік! Үйімізде жылу жоқ, өтінемін, мәселені шешуге көмектесіңіздер. '.repeat(4),
    language: 'kk',
    citizen: {
      fullName: 'Ерлан Сәрсенбаев',
      iin: SAMPLE_IIN,
      email: 'erlan@example.kz',
      phone: '+77017654321',
      preferredChannel: 'sms',
    },
    channel: 'portal',
  };
  return JSON.stringify(
    newCloudEvent({ type: 'kz.appeals.submitted.v1', source: 'urn:bench:portal', id: randomUUID(), data }),
  );
}
