import { EventTypes, Topics } from '@app/contracts';
import type { Consumer } from 'kafkajs';
import { readFromEnd } from '../../bench/harness/read-from-end';

export interface EventTally {
  escalated: number;
  /** Appeals with at least one escalated event. */
  escalatedAppeals: number;
  warnings: number;
  /** When the last expected escalation arrived (performance.now()), once all have. */
  allEscalatedAt?: number;
}

export interface EventCheck {
  escalatedEvents: number;
  escalatedAppeals: number;
  warningEvents: number;
  problems: string[];
}

/**
 * Reads the events topic from its end at the time of `start()` and keeps, per appeal of the run, the order of
 * its warning and escalated events (one appeal's events share a key, so a partition keeps their order).
 */
export class DeadlineEventCounter {
  private consumer?: Consumer;
  private readonly seen = new Map<string, string[]>();
  readonly tally: EventTally = { escalated: 0, escalatedAppeals: 0, warnings: 0 };

  constructor(
    private readonly brokers: string[],
    private readonly appealIds: ReadonlySet<string>,
  ) {}

  async start(): Promise<void> {
    this.consumer = await readFromEnd(this.brokers, Topics.events, (messages) => {
      for (const message of messages) this.count(message.value);
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** Exactly one escalated event per appeal; with `warnFirst`, exactly one warning before it. */
  check(warnFirst: boolean): EventCheck {
    const problems: string[] = [];
    let escalatedEvents = 0;
    let escalatedAppeals = 0;
    let warningEvents = 0;
    for (const appealId of this.appealIds) {
      const types = this.seen.get(appealId) ?? [];
      const escalations = types.filter((type) => type === EventTypes.escalated).length;
      const warnings = types.filter((type) => type === EventTypes.deadlineWarning).length;
      escalatedEvents += escalations;
      warningEvents += warnings;
      if (escalations > 0) escalatedAppeals += 1;
      const expected = warnFirst
        ? [EventTypes.deadlineWarning, EventTypes.escalated]
        : [EventTypes.escalated];
      if (types.join() !== expected.join() && problems.length < 5)
        problems.push(`${appealId}: ${types.join(' → ') || 'no events'}`);
    }
    return { escalatedEvents, escalatedAppeals, warningEvents, problems };
  }

  private count(value: Buffer | null): void {
    if (!value) return;
    const event = JSON.parse(value.toString('utf8')) as { type?: string; subject?: string };
    if (!event.subject || !this.appealIds.has(event.subject)) return;
    const type = String(event.type);
    const types = this.seen.get(event.subject) ?? [];
    types.push(type);
    this.seen.set(event.subject, types);
    if (type === EventTypes.deadlineWarning) this.tally.warnings += 1;
    if (type !== EventTypes.escalated) return;
    this.tally.escalated += 1;
    if (types.indexOf(type) !== types.length - 1) return; // a copy: check() reports it
    this.tally.escalatedAppeals += 1;
    if (this.tally.escalatedAppeals === this.appealIds.size) this.tally.allEscalatedAt = performance.now();
  }
}
