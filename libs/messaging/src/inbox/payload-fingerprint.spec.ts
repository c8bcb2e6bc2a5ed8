import { payloadFingerprint } from './payload-fingerprint';

function appeal(): Record<string, unknown> {
  return {
    externalId: 'portal-1',
    kind: 'complaint',
    subject: 'Жолды жөндеу',
    citizen: { fullName: 'Әсел Нұрланқызы', email: 'asel@example.kz', preferredChannel: 'email' },
    attachments: [
      { name: 'a.jpg', sizeBytes: 1 },
      { name: 'b.jpg', sizeBytes: 2 },
    ],
  };
}

describe('payloadFingerprint', () => {
  it('is a SHA-256 hex digest, the same for the same content', () => {
    expect(payloadFingerprint(appeal())).toMatch(/^[0-9a-f]{64}$/);
    expect(payloadFingerprint(appeal())).toBe(payloadFingerprint(appeal()));
  });

  it('does not depend on key order, nested objects included', () => {
    const reordered = {
      citizen: { preferredChannel: 'email', email: 'asel@example.kz', fullName: 'Әсел Нұрланқызы' },
      attachments: [
        { sizeBytes: 1, name: 'a.jpg' },
        { sizeBytes: 2, name: 'b.jpg' },
      ],
      subject: 'Жолды жөндеу',
      kind: 'complaint',
      externalId: 'portal-1',
    };
    expect(payloadFingerprint(reordered)).toBe(payloadFingerprint(appeal()));
  });

  it('ignores properties that are undefined, as JSON would', () => {
    const withUndefined: Record<string, unknown> = { ...appeal(), channel: undefined };
    (withUndefined.citizen as Record<string, unknown>).phone = undefined;
    expect(payloadFingerprint(withUndefined)).toBe(payloadFingerprint(appeal()));
  });

  it.each<[string, (payload: Record<string, unknown>) => void]>([
    ['a changed text', (p) => (p.subject = 'Жолды жөндеу!')],
    ['a changed nested value', (p) => ((p.citizen as Record<string, unknown>).email = 'other@example.kz')],
    ['an added field', (p) => (p.channel = 'portal')],
    ['a removed field', (p) => delete p.kind],
    ['null instead of absent', (p) => (p.channel = null)],
    ['a number as a string', (p) => ((p.attachments as Array<Record<string, unknown>>)[0].sizeBytes = '1')],
    ['reordered attachments', (p) => (p.attachments as unknown[]).reverse()],
  ])('differs for %s', (_what, change) => {
    const changed = appeal();
    change(changed);
    expect(payloadFingerprint(changed)).not.toBe(payloadFingerprint(appeal()));
  });

  it('fingerprints dates by the instant they name', () => {
    expect(payloadFingerprint({ at: new Date('2025-03-01T04:30:00Z') })).toBe(
      payloadFingerprint({ at: '2025-03-01T04:30:00.000Z' }),
    );
  });
});
