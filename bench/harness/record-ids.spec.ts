import { lifecycleEventId, peerOutputId } from './record-ids';

const event = (type: string, data: Record<string, unknown>): Buffer =>
  Buffer.from(JSON.stringify({ specversion: '1.0', id: 'e-1', source: 'urn:x', type, data }));

describe('lifecycleEventId', () => {
  const registered = lifecycleEventId('kz.appeals.registered.v1', 'externalId');
  const routed = lifecycleEventId('kz.appeals.routed.v1', 'appealId');

  it("takes the wanted field of the wanted type's events", () => {
    expect(registered(event('kz.appeals.registered.v1', { externalId: 'tp-1', appealId: 'a-1' }))).toBe(
      'tp-1',
    );
    expect(routed(event('kz.appeals.routed.v1', { appealId: 'a-1' }))).toBe('a-1');
  });

  it('ignores other types, even one that names the wanted type in its data', () => {
    expect(registered(event('kz.appeals.routed.v1', { appealId: 'a-1' }))).toBeUndefined();
    expect(routed(event('kz.notifications.sent.v1', { eventType: 'kz.appeals.routed.v1' }))).toBeUndefined();
  });
});

describe('peerOutputId', () => {
  it("reads a peer's output event and nothing else", () => {
    expect(peerOutputId(Buffer.from('{"type":"bench.appeal-stored","externalId":"hop-7","id":"x"}'))).toBe(
      'hop-7',
    );
    expect(peerOutputId(Buffer.from('{"type":"other","externalId":"hop-7"}'))).toBeUndefined();
  });
});
