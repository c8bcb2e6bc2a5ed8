import fc from 'fast-check';
import { RefusalCode } from '@app/contracts';
import { CONSOLE_SOURCE, ROUTING_SOURCE } from '@app/testing';
import { CaseHistory } from '../../../../../test/support/case-history';
import { CaseStatus } from '../case-status';
import { CaseFold, foldRecord, type CaseRecord, type ProjectedEvent } from './case-fold';
import { CitizenKey } from './citizen-key';

const citizenKey = new CitizenKey('test-secret-of-sixteen-chars');
const fold = new CaseFold((citizen) => citizenKey.of(citizen));

function foldAll(events: readonly ProjectedEvent[]): CaseRecord | undefined {
  return events.reduce<CaseRecord | undefined>((record, event) => foldRecord(fold, record, event), undefined);
}

function folded(events: readonly ProjectedEvent[]): CaseRecord {
  const record = foldAll(events);
  if (!record) throw new Error('the history folded to nothing');
  return record;
}

const DUE = '2026-03-23T18:59:59.999Z';

describe('CaseFold', () => {
  it('opens the case on registration: the contact in its own table, no personal data in the timeline', () => {
    const history = new CaseHistory();
    const registered = history.registered();
    const record = folded([registered]);
    expect(record.file).toMatchObject({
      appealId: history.appealId,
      status: CaseStatus.registered,
      subject: 'Жолды жөндеу',
      text: history.details.text,
      regionKato: '751110000',
      scopeRegionKato: '750000000',
      organizationId: null,
      version: 1,
      updatedAt: registered.time,
      citizenKey: citizenKey.of({ email: 'asel@example.kz' }),
    });
    expect(record.contact).toEqual({
      appealId: history.appealId,
      fullName: 'Әсел Нұрланқызы',
      iin: null,
      email: 'asel@example.kz',
      phone: null,
      preferredChannel: 'email',
    });
    expect(record.attachments).toEqual([
      expect.objectContaining({ position: 0, name: 'жол-суреті.jpg', sizeBytes: 120_000 }),
    ]);
    const timeline = JSON.stringify(record.timeline);
    for (const personal of ['Әсел', 'asel@example.kz', 'Жолды жөндеу', 'шұңқырлар', 'жол-суреті'])
      expect(timeline).not.toContain(personal);
    expect(record.timeline[0]).toMatchObject({ position: 1, type: registered.type, eventId: registered.id });
  });

  it('puts a routed case with its body, as new, in the body region', () => {
    const history = new CaseHistory();
    const record = folded([history.registered(), history.routed(), history.deadlineAssigned(DUE)]);
    expect(record.file).toMatchObject({
      status: CaseStatus.new,
      organizationId: 'akimat-almaty',
      responsibleOrganizationId: 'akimat-almaty',
      scopeRegionKato: '750000000',
      dueAt: DUE,
      originalDueAt: DUE,
      level: 'regional-akimat',
      deadlineCause: 'routed',
      deadlinePolicy: '15 working days',
      registeredOn: '2026-03-02',
      version: 3,
    });
    expect(record.file.heldSince).toBe(record.timeline[1].occurredAt);
  });

  it('marks an answer on time or late against the deadline in force', () => {
    const history = new CaseHistory();
    const start = [history.registered(), history.routed()];
    const onTime = folded([
      ...start,
      history.deadlineAssigned(history.later(60)),
      history.accepted(),
      history.responded(),
    ]);
    expect(onTime.file).toMatchObject({
      status: CaseStatus.answered,
      answeredOnTime: true,
      acceptedBy: 'staff-operator-1',
    });
    const late = new CaseHistory();
    const lateRecord = folded([
      late.registered(),
      late.routed(),
      late.deadlineAssigned(late.later(1)),
      late.accepted(),
      late.accepted(),
      late.responded(),
    ]);
    expect(lateRecord.file).toMatchObject({ status: CaseStatus.answered, answeredOnTime: false });
  });

  it('sends a declined case to the receiving body as new, counting the transfer and the body that declined', () => {
    const history = new CaseHistory();
    const record = folded([
      history.registered(),
      history.routed(),
      history.accepted(),
      history.transferRequested(),
      history.transferred('akimat-almaty-region', '190000000'),
    ]);
    expect(record.file).toMatchObject({
      status: CaseStatus.new,
      organizationId: 'akimat-almaty-region',
      organizationName: 'Алматы облысының әкімдігі',
      responsibleOrganizationId: 'akimat-almaty-region',
      scopeRegionKato: '190000000',
      transferCount: 1,
      declinedOrganizationIds: ['akimat-almaty'],
      acceptedBy: null,
    });
  });

  it('holds a transfer pending until routing decides, the body not yet among those that declined', () => {
    const history = new CaseHistory();
    const record = folded([history.registered(), history.routed(), history.transferRequested()]);
    expect(record.file).toMatchObject({
      status: CaseStatus.transferPending,
      declinedOrganizationIds: [],
    });
  });

  it('gives a case whose transfer routing refused back to its holder: in work if it had accepted it, else new', () => {
    const accepted = new CaseHistory();
    const request = accepted.transferRequested();
    const inWork = folded([
      accepted.registered(),
      accepted.routed(),
      accepted.accepted(),
      request,
      accepted.actionRefused(request, RefusalCode.sameBody, ROUTING_SOURCE),
    ]);
    expect(inWork.file).toMatchObject({
      status: CaseStatus.inWork,
      organizationId: 'akimat-almaty',
      acceptedBy: 'staff-operator-1',
      declinedOrganizationIds: [],
      transferCount: 0,
    });

    const fresh = new CaseHistory();
    const freshRequest = fresh.transferRequested();
    const untouched = folded([
      fresh.registered(),
      fresh.routed(),
      freshRequest,
      fresh.actionRefused(freshRequest, RefusalCode.notTheHolder, ROUTING_SOURCE),
    ]);
    expect(untouched.file).toMatchObject({ status: CaseStatus.new, declinedOrganizationIds: [] });
    expect(untouched.timeline.map((entry) => entry.type).slice(-2)).toEqual([
      'kz.appeals.transfer-requested.v1',
      'kz.appeals.action-refused.v1',
    ]);
  });

  it('leaves a case alone when a transfer refusal comes after the case has moved on', () => {
    const history = new CaseHistory();
    const request = history.transferRequested();
    const record = folded([
      history.registered(),
      history.routed(),
      request,
      history.escalated(),
      history.actionRefused(request, RefusalCode.notTheHolder, ROUTING_SOURCE),
    ]);
    expect(record.file).toMatchObject({ status: CaseStatus.new, organizationId: 'central-reception' });
  });

  it('keeps a case with the body escalation gave it to when a transfer of the body that lost it crosses the escalation', () => {
    const history = new CaseHistory();
    const record = folded([
      history.registered(),
      history.routed(),
      history.escalated(),
      history.transferRequested(),
      history.transferred('akimat-almaty-region', '190000000'),
    ]);
    expect(record.file).toMatchObject({
      status: CaseStatus.new,
      organizationId: 'central-reception',
      transferCount: 0,
      declinedOrganizationIds: [],
    });
    expect(record.timeline.map((entry) => entry.type).slice(-2)).toEqual([
      'kz.appeals.transfer-requested.v1',
      'kz.appeals.transferred.v1',
    ]);
  });

  it('gives an escalated case to the central reception at its level, the region still answerable', () => {
    const history = new CaseHistory();
    const newDue = history.later(10_000);
    const record = folded([
      history.registered(),
      history.routed(),
      history.deadlineAssigned(DUE),
      history.deadlineWarning(DUE),
      history.escalated('akimat-almaty', 'overdue', newDue),
      history.takenUnderControl(),
    ]);
    expect(record.file).toMatchObject({
      status: CaseStatus.new,
      organizationId: 'central-reception',
      responsibleOrganizationId: 'akimat-almaty',
      scopeRegionKato: '750000000',
      level: 'central-reception',
      escalationCount: 1,
      dueAt: newDue,
      underControlBy: 'staff-central-1',
    });
    expect(record.file.warnedAt).not.toBeNull();
    expect(record.file.escalatedAt).toBe(record.timeline[4].occurredAt);
  });

  it('leaves the status as it was when an extension is refused, and shows both in the timeline', () => {
    const history = new CaseHistory();
    const extension = history.deadlineExtended(history.later(100_000));
    const record = folded([
      history.registered(),
      history.routed(),
      history.deadlineAssigned(DUE),
      history.accepted(),
      extension,
      history.actionRefused(extension),
    ]);
    expect(record.file).toMatchObject({ status: CaseStatus.inWork, dueAt: DUE });
    expect(record.timeline.map((entry) => entry.type).slice(-2)).toEqual([
      'kz.appeals.deadline-extended.v1',
      'kz.appeals.action-refused.v1',
    ]);
    expect(record.timeline[5].data).toMatchObject({
      refusedEventId: extension.id,
      code: 'beyond-legal-limit',
    });
  });

  it('keeps the original deadline when an extension moves it', () => {
    const history = new CaseHistory();
    const extended = history.later(50_000);
    const record = folded([
      history.registered(),
      history.routed(),
      history.deadlineAssigned(DUE),
      history.deadlineAssigned(extended, 'extended'),
    ]);
    expect(record.file).toMatchObject({ dueAt: extended, originalDueAt: DUE, deadlineCause: 'extended' });
  });

  it('reopens an answered case to the body that had it in work', () => {
    const history = new CaseHistory();
    const record = folded([
      history.registered(),
      history.routed(),
      history.accepted(),
      history.responded(),
      history.resolved(),
      history.reopened(),
    ]);
    expect(record.file).toMatchObject({ status: CaseStatus.inWork, resolvedAt: null });
  });

  it("records a body's step on a case escalated away from it in the timeline only", () => {
    const history = new CaseHistory();
    const record = folded([
      history.registered(),
      history.routed(),
      history.deadlineAssigned(DUE),
      history.accepted(),
      history.escalated(),
      history.responded(),
      history.accepted(),
      history.resolved(),
    ]);
    expect(record.file).toMatchObject({
      status: CaseStatus.new,
      organizationId: 'central-reception',
      version: 8,
      acceptedBy: null,
      responseId: null,
      resolvedAt: null,
    });
    expect(record.timeline.map((entry) => entry.type).slice(-3)).toEqual([
      'kz.appeals.responded.v1',
      'kz.appeals.accepted.v1',
      'kz.appeals.resolved.v1',
    ]);
  });

  it('dates the case by the latest event, whichever came last', () => {
    const history = new CaseHistory();
    const [registered, routed] = [history.registered(), history.routed()];
    const early = { ...history.accepted(), time: registered.time } as ProjectedEvent;
    expect(folded([registered, routed, early]).file.updatedAt).toBe(routed.time);
  });

  it('places no event of a case it never registered', () => {
    const history = new CaseHistory();
    expect(fold.step(undefined, history.routed())).toBeUndefined();
  });

  it('counts each applied event in the version and dates the case by the newest one', () => {
    const history = new CaseHistory();
    const events = [history.registered(), history.routed(), history.accepted()];
    const record = folded(events);
    expect(record.file.version).toBe(3);
    expect(record.file.updatedAt).toBe(events[2].time);
    expect(record.timeline.map((entry) => entry.position)).toEqual([1, 2, 3]);
  });
});

/** One step of a generated history after registration. */
const STEPS = [
  'routed',
  'deadline',
  'warning',
  'accepted',
  'transferRequested',
  'transferred',
  'extension',
  'escalated',
  'underControl',
  'responded',
  'resolved',
  'reopened',
] as const;
type Step = (typeof STEPS)[number];

function historyOf(steps: readonly Step[]): ProjectedEvent[] {
  const history = new CaseHistory();
  const events = [history.registered()];
  for (const step of steps) {
    switch (step) {
      case 'routed':
        events.push(history.routed());
        break;
      case 'deadline':
        events.push(history.deadlineAssigned(history.later(30)));
        break;
      case 'warning':
        events.push(history.deadlineWarning(history.later(5)));
        break;
      case 'accepted':
        events.push(history.accepted());
        break;
      case 'transferRequested':
        events.push(history.transferRequested());
        break;
      case 'transferred':
        events.push(history.transferred('akimat-almaty-region', '190000000'));
        break;
      case 'extension': {
        const extension = history.deadlineExtended(history.later(90));
        events.push(extension, history.actionRefused(extension));
        break;
      }
      case 'escalated':
        events.push(history.escalated());
        break;
      case 'underControl':
        events.push(history.takenUnderControl());
        break;
      case 'responded':
        events.push(history.responded());
        break;
      case 'resolved':
        events.push(history.resolved());
        break;
      case 'reopened':
        events.push(history.reopened());
        break;
    }
  }
  return events;
}

const histories = fc.array(fc.constantFrom(...STEPS), { maxLength: 12 }).map(historyOf);

describe('CaseFold, property-based', () => {
  it('applies an event that comes again (redelivered, or from an action and then the topic) once', () => {
    fc.assert(
      fc.property(histories, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (events, picks) => {
        const withRepeats = [...events];
        for (const pick of picks) {
          const repeated = events[pick % events.length];
          const first = withRepeats.indexOf(repeated);
          withRepeats.splice(first + 1 + (pick % (withRepeats.length - first)), 0, repeated);
        }
        expect(foldAll(withRepeats)).toEqual(foldAll(events));
      }),
    );
  });

  it('comes to the same cases from any interleaving that keeps each appeal in its order', () => {
    fc.assert(
      fc.property(
        fc.array(histories, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat()),
        (cases, choices) => {
          const byAppeal = (events: readonly ProjectedEvent[]) => {
            const records = new Map<string, CaseRecord | undefined>();
            for (const event of events)
              records.set(event.data.appealId, foldRecord(fold, records.get(event.data.appealId), event));
            return records;
          };
          const queues = cases.map((events) => [...events]);
          const interleaved: ProjectedEvent[] = [];
          let choice = 0;
          while (queues.some((queue) => queue.length > 0)) {
            const open = queues.filter((queue) => queue.length > 0);
            const queue = open[(choices[choice++] ?? 0) % open.length];
            interleaved.push(queue.shift() as ProjectedEvent);
          }
          expect(byAppeal(interleaved)).toEqual(byAppeal(cases.flat()));
        },
      ),
    );
  });

  it("comes to the same case whether a holder's step is folded before or after an escalation away from it", () => {
    const start = {
      new: [] as const,
      'in-work': ['accepted'] as const,
      answered: ['accepted', 'responded'] as const,
    };
    const actions = ['accepted', 'responded', 'extended', 'resolved'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(start) as Array<keyof typeof start>)),
        fc.constantFrom(...actions),
        fc.constantFrom('overdue', 'answer-rejected', 'manual'),
        fc.boolean(),
        fc.integer({ min: -120, max: 120 }),
        fc.integer({ min: -120, max: 120 }),
        (state, action, reason, withNewDeadline, actionMinutes, escalationMinutes) => {
          const history = new CaseHistory();
          const prefix = [
            history.registered(),
            history.routed(),
            history.deadlineAssigned(history.later(60)),
          ];
          for (const step of start[state])
            prefix.push(step === 'accepted' ? history.accepted() : history.responded());
          const at = (event: ProjectedEvent, minutes: number) =>
            ({ ...event, time: history.later(minutes) }) as ProjectedEvent;
          const step = {
            accepted: () => history.accepted(),
            responded: () => history.responded(),
            extended: () => history.deadlineExtended(history.later(600)),
            resolved: () => history.resolved(),
          }[action]();
          const moved = history.escalated(
            'akimat-almaty',
            reason,
            withNewDeadline ? history.later(10_000) : undefined,
          );
          const byHolder = at(step, actionMinutes);
          const escalation = at(moved, escalationMinutes);
          const live = folded([...prefix, byHolder, escalation]);
          const rebuilt = folded([...prefix, escalation, byHolder]);
          expect(rebuilt.file).toEqual(live.file);
          expect(rebuilt.timeline).toHaveLength(live.timeline.length);
        },
      ),
    );
  });

  it("puts the console's own events in the timeline under its own source", () => {
    const events = historyOf(['routed', 'accepted']);
    expect(folded(events).timeline[2].eventSource).toBe(CONSOLE_SOURCE);
  });
});
