import { receivedAtOf } from './received-at';

const REGISTERED_AT = '2026-11-30T09:00:05.000Z';
const SUBMITTED_AT = '2026-11-30T13:59:00+05:00';
const RECEIVED_AT = '2026-11-30T08:59:00.000Z';

describe('receivedAtOf', () => {
  it("takes intake's receivedAt when the registered event carries it", () => {
    expect(
      receivedAtOf({ receivedAt: RECEIVED_AT, submittedAt: SUBMITTED_AT, registeredAt: REGISTERED_AT }),
    ).toBe(RECEIVED_AT);
  });

  it('takes submittedAt from a registered event written before receivedAt existed', () => {
    expect(receivedAtOf({ submittedAt: SUBMITTED_AT, registeredAt: REGISTERED_AT })).toBe(SUBMITTED_AT);
  });

  it('takes registeredAt from an older event that had no submittedAt either', () => {
    expect(receivedAtOf({ registeredAt: REGISTERED_AT })).toBe(REGISTERED_AT);
  });
});
