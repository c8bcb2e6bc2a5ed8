import { EventTypes, validateEventData } from '@app/contracts';
import { actionContext } from '../action-context.fixture';
import { RespondAction } from './respond.action';

describe('RespondAction', () => {
  it('stores the answer in the console and publishes it for the citizen, keeping the text out of the audit detail', async () => {
    const query = jest.fn(async (_sql: string, _parameters: unknown[]): Promise<unknown> => []);
    const text = 'Жол маусымда жөнделеді.';
    const attachments = [
      {
        name: 'жауап.pdf',
        mediaType: 'application/pdf',
        sizeBytes: 10,
        url: 'https://f.kz/1',
        sha256: 'a'.repeat(64),
      },
    ];
    const planned = await new RespondAction().plan(actionContext({ text, attachments }, { query }));

    expect(planned.type).toBe(EventTypes.responded);
    const [responseId, appealId, organizationId, respondedBy, storedText, storedAttachments] =
      query.mock.calls[0][1];
    expect({ appealId, organizationId, respondedBy, storedText }).toEqual({
      appealId: '0b7a4c1e-8a52-4c55-9f3e-0d6f6c2f1a11',
      organizationId: 'akimat-almaty',
      respondedBy: 'op-1',
      storedText: text,
    });
    expect(JSON.parse(storedAttachments as string)).toEqual(attachments);
    expect(planned.data).toEqual({
      appealId: '0b7a4c1e-8a52-4c55-9f3e-0d6f6c2f1a11',
      trackingNumber: 'KZ-2026-7K3M-9Q2X',
      organizationId: 'akimat-almaty',
      respondedBy: { kind: 'staff', id: 'op-1' },
      responseId,
      text,
      respondedAt: '2026-03-10T06:00:00.000Z',
    });
    expect(validateEventData(EventTypes.responded, planned.data).ok).toBe(true);
    expect(JSON.stringify(planned.detail)).not.toContain(text);
    expect(planned.detail).toEqual({ responseId, attachments: 1 });
  });
});
