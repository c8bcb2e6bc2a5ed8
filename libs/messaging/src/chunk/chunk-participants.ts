import type { CloudEvent } from '@app/contracts';
import type { EntityManager } from 'typeorm';

/**
 * A service's share of a chunk's transaction: it reads ahead, in a few statements, what the chunk's handlers
 * will ask for, and writes behind, in a few statements, what they did. A chunk of a hundred events then costs
 * a handful of round trips instead of a handful per event (see docs/performance.md).
 */
export interface ChunkParticipant {
  /** Before the chunk's handlers: `events` are the ones they will handle, in order. */
  begin(manager: EntityManager, events: readonly CloudEvent[]): Promise<void>;
  /** After every handler of the chunk has returned, still inside its transaction. */
  finish(manager: EntityManager): Promise<void>;
  /** Forgets the chunk without writing: its transaction is being rolled back (harmless after finish). */
  abandon(manager: EntityManager): void;
}

/**
 * Thrown by a participant that cannot work a chunk in bulk (one event of it depends on the unwritten effect of
 * another, say): the chunk's messages are then applied one at a time, each read and written alone.
 */
export class ChunkGoesOneAtATime extends Error {}

/**
 * Thrown at the end of a chunk (or of an event worked alone) whose rows another transaction wrote meanwhile (a
 * partition moving mid-chunk): retried as a transient failure, when each event sees what is there and decides.
 */
export class WrittenMeanwhile extends Error {
  /** What the consumer's classification takes for a failure worth retrying. */
  readonly retriable = true;
}

/** The participants every chunk of this service's consumer opens and finishes, in the order they joined. */
export class ChunkParticipants {
  private readonly members: ChunkParticipant[] = [];

  /** Once per participant, however many modules list it. */
  join(participant: ChunkParticipant): void {
    if (!this.members.includes(participant)) this.members.push(participant);
  }

  async around<T>(manager: EntityManager, events: readonly CloudEvent[], work: () => Promise<T>): Promise<T> {
    try {
      for (const member of this.members) await member.begin(manager, events);
      const result = await work();
      for (const member of this.members) await member.finish(manager);
      return result;
    } finally {
      for (const member of this.members) member.abandon(manager);
    }
  }
}

/**
 * A participant that keeps a state per open chunk (per transaction). Its handlers call {@link within}: inside
 * a chunk they work on the chunk's state; called alone (an HTTP action, a retried message, a rebuild), the
 * event is a chunk of one, read and written at once. One code path either way.
 */
export abstract class ChunkedWork<State> implements ChunkParticipant {
  private readonly open = new WeakMap<EntityManager, State>();

  /** Reads what handling `events` will need; the events may include types this work ignores. */
  protected abstract load(manager: EntityManager, events: readonly CloudEvent[]): Promise<State>;

  /** Writes what the handlers recorded in `state`. */
  protected abstract write(manager: EntityManager, state: State): Promise<void>;

  async begin(manager: EntityManager, events: readonly CloudEvent[]): Promise<void> {
    this.open.set(manager, await this.load(manager, events));
  }

  async finish(manager: EntityManager): Promise<void> {
    const state = this.open.get(manager);
    this.open.delete(manager);
    if (state) await this.write(manager, state);
  }

  abandon(manager: EntityManager): void {
    this.open.delete(manager);
  }

  protected async within<T>(
    manager: EntityManager,
    event: CloudEvent,
    work: (state: State) => T | Promise<T>,
  ): Promise<T> {
    const open = this.open.get(manager);
    if (open) return work(open);
    const alone = await this.load(manager, [event]);
    const result = await work(alone);
    await this.write(manager, alone);
    return result;
  }
}
