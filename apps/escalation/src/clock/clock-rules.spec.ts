import { WorkingCalendar } from '@app/calendar';
import { EscalationChain, type LevelConfig } from '../chain/escalation-chain';
import { DeadlineCalculator } from '../deadlines/deadline-calculator';
import {
  LEGAL_DEFAULT_RULES,
  parsePolicy,
  parseRules,
  type DeadlinePolicy,
} from '../policies/deadline-policy';
import type { AppealClock } from './appeal-clock';
import { ClockRules, ESCALATION_ACTOR, type ClockStep, type PolicyLookup, type Refusal } from './clock-rules';

const calendar = WorkingCalendar.load({ warn: () => undefined });
const legal = parseRules(LEGAL_DEFAULT_RULES);
const levels: LevelConfig[] = [
  { code: 'regional-akimat', rank: 10, holder: 'routed', enabled: true },
  { code: 'akim-office', rank: 20, holder: 'akim-office', enabled: false },
  { code: 'central-reception', rank: 30, holder: 'central-reception', enabled: true },
];

function rulesWith(
  chainLevels: LevelConfig[],
  policy: DeadlinePolicy = parsePolicy({
    due: '15 working days',
    warnBefore: ['3 working days', '1 working day'],
  }),
): ClockRules {
  const lookup: PolicyLookup = { policyFor: () => policy, legal };
  return new ClockRules(new EscalationChain(chainLevels), lookup, new DeadlineCalculator(calendar));
}

const rules = rulesWith(levels);
const staff = { kind: 'staff', id: 'staff-1' } as const;
const receivedAt = new Date('2026-03-20T18:30:00+05:00');
const routedAt = new Date('2026-03-21T09:00:00+05:00');
const appeal = {
  appealId: '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11',
  trackingNumber: 'KZ-2026-000001',
  kind: 'complaint',
  regionKato: '751110000',
  receivedAt,
  organizationId: 'akimat-almaty',
};

function started(using = rules): AppealClock {
  return using.start(appeal, routedAt).clock;
}

function step(result: ClockStep | Refusal): ClockStep {
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return result;
}

const after = (clock: AppealClock, ms: number) => new Date(clock.dueAt.getTime() + ms);

describe('ClockRules', () => {
  it('starts the clock at the first level from receipt at intake, not from routing', () => {
    const { clock, events } = rules.start(appeal, routedAt);
    expect(clock).toMatchObject({
      level: 'regional-akimat',
      organizationId: 'akimat-almaty',
      state: 'running',
      registeredOn: '2026-03-20',
    });
    expect(clock.dueAt).toEqual(new Date('2026-04-15T23:59:59.999+05:00'));
    expect(events).toEqual([
      {
        type: 'kz.appeals.deadline-assigned.v1',
        data: expect.objectContaining({
          cause: 'routed',
          level: 'regional-akimat',
          policy: '15 working days',
          dueAt: clock.dueAt.toISOString(),
        }),
      },
    ]);
  });

  it('starts the clock now when the receipt is dated in the future', () => {
    const { clock } = rules.start({ ...appeal, receivedAt: new Date('2999-01-01T00:00:00Z') }, routedAt);
    expect(clock.startedAt).toEqual(routedAt);
  });

  it('starts a case routed to the central reception at the last level', () => {
    expect(rules.start({ ...appeal, organizationId: 'central-reception' }, routedAt).clock.level).toBe(
      'central-reception',
    );
  });

  it('escalates an overdue case to the next level with a new term there, and says why', () => {
    const clock = started();
    const now = after(clock, 1);
    const { clock: moved, events } = rules.overdue(clock, now);
    expect(moved).toMatchObject({
      level: 'central-reception',
      organizationId: 'central-reception',
      state: 'running',
      startedAt: now,
    });
    expect(moved.dueAt > now).toBe(true);
    expect(events).toEqual([
      {
        type: 'kz.appeals.escalated.v1',
        data: expect.objectContaining({
          reason: 'overdue',
          fromLevel: 'regional-akimat',
          toLevel: 'central-reception',
          fromOrganizationId: 'akimat-almaty',
          toOrganizationId: 'central-reception',
          dueAt: clock.dueAt.toISOString(),
          newDueAt: moved.dueAt.toISOString(),
          escalatedBy: { kind: 'system', id: 'escalation' },
        }),
      },
    ]);
  });

  it('marks an overdue case at the central reception overdue, escalating no further', () => {
    const atTop = rules.overdue(started(), after(started(), 1)).clock;
    const { clock, events } = rules.overdue(atTop, after(atTop, 1));
    expect(clock.state).toBe('overdue');
    expect(events).toEqual([]);
  });

  it('goes through the akim’s office when that level is switched on', () => {
    const withOffice = rulesWith(levels.map((level) => ({ ...level, enabled: true })));
    const first = withOffice.overdue(started(withOffice), after(started(withOffice), 1));
    expect(first.clock).toMatchObject({ level: 'akim-office', organizationId: 'akim-office-almaty' });
    const second = withOffice.overdue(first.clock, after(first.clock, 1));
    expect(second.clock).toMatchObject({ level: 'central-reception', organizationId: 'central-reception' });
  });

  it('passes over the akim’s office for a case with no region', () => {
    const withOffice = rulesWith(levels.map((level) => ({ ...level, enabled: true })));
    const clock = withOffice.start({ ...appeal, regionKato: null }, routedAt).clock;
    expect(withOffice.overdue(clock, after(clock, 1)).clock.level).toBe('central-reception');
  });

  it('fires the latest passed warning point once, and the next one later', () => {
    const clock = started();
    const [threeDays, oneDay] = clock.warnings;
    const late = rules.warn(clock, new Date(oneDay.at.getTime() + 1));
    expect(late.events).toHaveLength(1);
    expect(late.events[0].data).toMatchObject({
      before: '1 working day',
      workingDaysLeft: 1,
      level: 'regional-akimat',
    });
    expect(late.clock.nextWarnAt).toBeNull();

    const early = rules.warn(clock, threeDays.at);
    expect(early.events[0].data).toMatchObject({ before: '3 working days' });
    expect(early.clock.nextWarnAt).toEqual(oneDay.at);
  });

  it('stops the clock when the holder answers, and not when another body does', () => {
    const clock = started();
    expect(step(rules.respond(clock, 'akimat-almaty')).clock).toMatchObject({
      state: 'answered',
      nextWarnAt: null,
    });
    expect(rules.respond(clock, 'akimat-astana')).toMatchObject({ refused: 'not-the-holder' });
  });

  it('settles the case for its holder, and not for a body it was escalated away from', () => {
    const answered = step(rules.respond(started(), 'akimat-almaty')).clock;
    expect(step(rules.resolve(answered, 'akimat-almaty')).clock.state).toBe('resolved');
    const escalated = rules.escalate(
      answered,
      'manual',
      ESCALATION_ACTOR,
      new Date('2026-03-25T10:00:00+05:00'),
    );
    expect(rules.resolve(escalated.clock, 'akimat-almaty')).toMatchObject({ refused: 'not-the-holder' });
    expect(step(rules.resolve(escalated.clock, 'central-reception')).clock.state).toBe('resolved');
  });

  it('escalates a rejected answer at once; at the last level gives the central reception a new term', () => {
    const answered = step(rules.respond(started(), 'akimat-almaty')).clock;
    const now = new Date('2026-03-25T10:00:00+05:00');
    const reopened = step(rules.reopen(answered, { kind: 'citizen', id: 'citizen' }, now));
    expect(reopened.events[0]).toMatchObject({
      type: 'kz.appeals.escalated.v1',
      data: { reason: 'answer-rejected' },
    });
    expect(reopened.clock).toMatchObject({ level: 'central-reception', state: 'running' });

    expect(rules.reopen(reopened.clock, { kind: 'citizen', id: 'citizen' }, now)).toMatchObject({
      refused: 'not-answered',
    });
    const answeredAtTop = step(rules.respond(reopened.clock, 'central-reception')).clock;
    const again = step(rules.reopen(answeredAtTop, { kind: 'citizen', id: 'citizen' }, now));
    expect(again.events[0]).toMatchObject({
      type: 'kz.appeals.deadline-assigned.v1',
      data: { cause: 'reopened' },
    });
    expect(again.clock.level).toBe('central-reception');
  });

  it('extends up to two months beyond the original deadline, and refuses beyond it or backwards', () => {
    const clock = started();
    const now = new Date('2026-04-01T10:00:00+05:00');
    const within = step(rules.extend(clock, 'akimat-almaty', new Date('2026-06-15T23:59:59.999+05:00'), now));
    expect(within.clock.dueAt).toEqual(new Date('2026-06-15T23:59:59.999+05:00'));
    expect(within.clock.originalDueAt).toEqual(clock.originalDueAt);
    // Decided on Wednesday 1 April: the citizen is told by the end of Monday 6 April (3 working days).
    expect(within.events[0].data).toMatchObject({
      cause: 'extended',
      citizenToBeToldBy: new Date('2026-04-06T23:59:59.999+05:00').toISOString(),
    });
    // A second extension still counts from the original deadline (15 April): 15 June is the limit.
    expect(
      rules.extend(within.clock, 'akimat-almaty', new Date('2026-06-16T10:00:00+05:00'), now),
    ).toMatchObject({
      refused: 'beyond-legal-limit',
    });
    expect(rules.extend(clock, 'akimat-almaty', new Date('2026-04-10T10:00:00+05:00'), now)).toMatchObject({
      refused: 'not-later',
    });
    expect(rules.extend(clock, 'akimat-astana', new Date('2026-05-10T10:00:00+05:00'), now)).toMatchObject({
      refused: 'not-the-holder',
    });
  });

  it('restarts the clock at the receiving body from the day of the transfer', () => {
    const clock = started();
    const transferredAt = new Date('2026-03-26T11:00:00+05:00');
    const { clock: moved, events } = step(
      rules.transfer(clock, 'akimat-almaty', 'akimat-almaty-region', transferredAt, transferredAt),
    );
    expect(moved).toMatchObject({
      organizationId: 'akimat-almaty-region',
      routedOrganizationId: 'akimat-almaty-region',
      registeredOn: '2026-03-26',
      level: 'regional-akimat',
    });
    expect(moved.dueAt > clock.dueAt).toBe(true);
    expect(events[0].data).toMatchObject({ cause: 'transferred' });
    expect(rules.forwardedInTime(clock, transferredAt)).toBe(true);
    expect(rules.forwardedInTime(clock, new Date('2026-04-02T11:00:00+05:00'))).toBe(false);
  });

  it('refuses a transfer to the body itself: it would only restart its own term', () => {
    const clock = started();
    expect(rules.transfer(clock, 'akimat-almaty', 'akimat-almaty', routedAt, routedAt)).toMatchObject({
      refused: 'same-body',
    });
  });

  it('takes a transfer dated in the future, or before the case reached the body, as happening within those bounds', () => {
    const clock = started();
    const now = new Date('2026-03-26T11:00:00+05:00');
    const future = step(
      rules.transfer(clock, 'akimat-almaty', 'akimat-astana', new Date('2999-01-01T00:00:00Z'), now),
    );
    expect(future.clock.startedAt).toEqual(now);
    const past = step(
      rules.transfer(clock, 'akimat-almaty', 'akimat-astana', new Date('1970-01-01T00:00:00Z'), now),
    );
    expect(past.clock.startedAt).toEqual(clock.startedAt);
  });

  it('climbs to the akim’s office of the receiving region after a transfer between regions', () => {
    const withOffice = rulesWith(levels.map((level) => ({ ...level, enabled: true })));
    const transferredAt = new Date('2026-03-26T11:00:00+05:00');
    const moved = step(
      withOffice.transfer(
        started(withOffice),
        'akimat-almaty',
        'akimat-astana',
        transferredAt,
        transferredAt,
      ),
    ).clock;
    expect(withOffice.overdue(moved, after(moved, 1)).clock.organizationId).toBe('akim-office-astana');
  });

  it("restarts each body's own first-level term along routing's chain of transfers, and puts the central reception's triage at the last level", () => {
    const day = (date: string) => new Date(`${date}T11:00:00+05:00`);
    const atDepartment = step(
      rules.transfer(started(), 'akimat-almaty', 'roads-dept', day('2026-03-26'), day('2026-03-26')),
    ).clock;
    expect(atDepartment).toMatchObject({ level: 'regional-akimat', regionKato: '751110000' });
    const atDistrict = step(
      rules.transfer(atDepartment, 'roads-dept', 'district', day('2026-03-30'), day('2026-03-30')),
    ).clock;
    expect(atDistrict).toMatchObject({ level: 'regional-akimat', routedOrganizationId: 'district' });
    expect(atDistrict.dueAt > atDepartment.dueAt).toBe(true);

    const triage = step(
      rules.transfer(atDistrict, 'district', 'central-reception', day('2026-04-01'), day('2026-04-01')),
    );
    expect(triage.clock).toMatchObject({
      level: 'central-reception',
      organizationId: 'central-reception',
      registeredOn: '2026-04-01',
    });
    expect(triage.events[0].data).toMatchObject({ cause: 'transferred', level: 'central-reception' });
    // Nobody above: overdue there is marked, not escalated.
    expect(rules.overdue(triage.clock, after(triage.clock, 1))).toMatchObject({
      clock: { state: 'overdue' },
      events: [],
    });
  });

  it('leaves aside a transfer from a body that lost the case to an escalation', () => {
    const escalated = rules.overdue(started(), after(started(), 1)).clock;
    expect(
      rules.transfer(escalated, 'akimat-almaty', 'akimat-astana', after(escalated, -1), after(escalated, -1)),
    ).toMatchObject({ refused: 'not-the-holder' });
  });

  it('counts a late answer at the central reception: the overdue clock becomes answered', () => {
    const atTop = rules.overdue(started(), after(started(), 1)).clock;
    const overdue = rules.overdue(atTop, after(atTop, 1)).clock;
    expect(step(rules.respond(overdue, 'central-reception')).clock.state).toBe('answered');
  });

  it('escalates by hand from any level but the last', () => {
    const manual = step(rules.requestEscalation(started(), staff, new Date()));
    expect(manual.events[0].data).toMatchObject({ reason: 'manual', escalatedBy: staff });
    expect(rules.requestEscalation(manual.clock, staff, new Date())).toMatchObject({
      refused: 'at-last-level',
    });
  });
});
