import type { CloudEvent } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { ChunkedWork, ChunkParticipants } from './chunk-participants';

function event(id: string): CloudEvent {
  return { specversion: '1.0', id, source: 'urn:test', type: 'kz.test.v1', data: {} };
}

/** Counts statements as a database would see them: one read per load, one write per flush. */
class CountingWork extends ChunkedWork<{ loaded: string[]; handled: string[] }> {
  readonly statements: string[] = [];
  readonly written: string[][] = [];

  handle(manager: EntityManager, handled: CloudEvent): Promise<number> {
    return this.within(manager, handled, (state) => state.handled.push(handled.id));
  }

  protected async load(_manager: EntityManager, events: readonly CloudEvent[]) {
    this.statements.push(`read ${events.map((one) => one.id).join(',')}`);
    return { loaded: events.map((one) => one.id), handled: [] };
  }

  protected async write(_manager: EntityManager, state: { handled: string[] }) {
    this.statements.push(`write ${state.handled.join(',')}`);
    this.written.push(state.handled);
  }
}

const manager = (): EntityManager => ({}) as EntityManager;

describe('ChunkParticipants and ChunkedWork', () => {
  it('reads once before a chunk and writes once after it, whatever the number of events', async () => {
    const work = new CountingWork();
    const participants = new ChunkParticipants();
    participants.join(work);
    participants.join(work);
    const transaction = manager();
    const events = ['a', 'b', 'c'].map(event);
    await participants.around(transaction, events, async () => {
      for (const one of events) await work.handle(transaction, one);
      expect(work.written).toEqual([]);
    });
    expect(work.statements).toEqual(['read a,b,c', 'write a,b,c']);
  });

  it('handles an event alone, read and written at once, outside a chunk or in another transaction', async () => {
    const work = new CountingWork();
    const participants = new ChunkParticipants();
    participants.join(work);
    await work.handle(manager(), event('alone'));
    expect(work.statements).toEqual(['read alone', 'write alone']);
    await participants.around(manager(), [event('chunked')], async () => {
      await work.handle(manager(), event('elsewhere'));
    });
    expect(work.statements.slice(2)).toEqual(['read chunked', 'read elsewhere', 'write elsewhere', 'write ']);
  });

  it('writes nothing for a chunk whose handlers failed, and forgets it', async () => {
    const work = new CountingWork();
    const participants = new ChunkParticipants();
    participants.join(work);
    const transaction = manager();
    await expect(
      participants.around(transaction, [event('a')], async () => {
        await work.handle(transaction, event('a'));
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(work.written).toEqual([]);
    // The same transaction object used again is no longer inside the failed chunk.
    await work.handle(transaction, event('b'));
    expect(work.written).toEqual([['b']]);
  });
});
