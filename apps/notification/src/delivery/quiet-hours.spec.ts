import fc from 'fast-check';
import { QuietHours } from './quiet-hours';

const night = QuietHours.parse('22:00-08:00')!;

describe('QuietHours', () => {
  it.each([
    ['2026-12-01T16:59:00Z', false], // 21:59 in Kazakhstan
    ['2026-12-01T17:00:00Z', true], // 22:00
    ['2026-12-01T20:30:00Z', true], // 01:30
    ['2026-12-02T02:59:00Z', true], // 07:59
    ['2026-12-02T03:00:00Z', false], // 08:00
  ])('at %s quiet is %s (Kazakhstan time, UTC+5)', (at, quiet) => {
    expect(night.isQuiet(new Date(at))).toBe(quiet);
  });

  it('defers a message due at night to 08:00 the next morning, Kazakhstan time', () => {
    expect(night.nextAllowed(new Date('2026-12-01T18:15:00Z')).toISOString()).toBe(
      '2026-12-02T03:00:00.000Z',
    );
    expect(night.nextAllowed(new Date('2026-12-02T01:00:00Z')).toISOString()).toBe(
      '2026-12-02T03:00:00.000Z',
    );
  });

  it('leaves a message due in the day as it is', () => {
    const noon = new Date('2026-12-02T07:00:00Z');
    expect(night.nextAllowed(noon)).toBe(noon);
  });

  it('handles a window within one day', () => {
    const lunch = QuietHours.parse('13:00-14:00')!;
    expect(lunch.isQuiet(new Date('2026-12-02T08:30:00Z'))).toBe(true);
    expect(lunch.nextAllowed(new Date('2026-12-02T08:30:00Z')).toISOString()).toBe(
      '2026-12-02T09:00:00.000Z',
    );
    expect(lunch.isQuiet(new Date('2026-12-02T09:00:00Z'))).toBe(false);
  });

  it('never defers into the window, and never by more than a day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-03-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        (at) => {
          const next = night.nextAllowed(at);
          expect(night.isQuiet(next)).toBe(false);
          expect(next.getTime() - at.getTime()).toBeGreaterThanOrEqual(0);
          expect(next.getTime() - at.getTime()).toBeLessThanOrEqual(10 * 3600_000);
        },
      ),
    );
  });

  it('is off when asked, and refuses a malformed window with the variable named', () => {
    expect(QuietHours.parse('off')).toBeUndefined();
    expect(() => QuietHours.parse('22-8')).toThrow(/NOTIFICATION_SMS_QUIET_HOURS/);
    expect(() => QuietHours.parse('25:00-08:00')).toThrow(/22:00-08:00/);
  });
});
