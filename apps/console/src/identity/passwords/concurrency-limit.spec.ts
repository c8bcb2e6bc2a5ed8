import { ConcurrencyLimit } from './concurrency-limit';

/** A task that runs until the test lets it end. */
function gate(): { task: () => Promise<string>; started: () => boolean; finish: (value: string) => void } {
  let started = false;
  let finish: (value: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return {
    task: () => {
      started = true;
      return done;
    },
    started: () => started,
    finish: (value) => finish(value),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs at most `running` tasks at once; the next starts when one ends, in the order they came', async () => {
    const limit = new ConcurrencyLimit({ running: 2, waiting: 10 });
    const gates = [gate(), gate(), gate(), gate()];
    const results = gates.map((g) => limit.run(g.task));
    await settle();
    expect(gates.map((g) => g.started())).toEqual([true, true, false, false]);

    gates[1].finish('b');
    expect(await results[1]).toBe('b');
    await settle();
    expect(gates.map((g) => g.started())).toEqual([true, true, true, false]);

    gates[0].finish('a');
    gates[2].finish('c');
    await settle();
    expect(gates[3].started()).toBe(true);
    gates[3].finish('d');
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('answers 503 at once past the waiting room, and frees the slot of a task that failed', async () => {
    const limit = new ConcurrencyLimit({ running: 1, waiting: 1 });
    const running = gate();
    const first = limit.run(running.task);
    const second = limit.run(() => Promise.reject(new Error('scrypt failed')));
    await expect(limit.run(() => Promise.resolve('third'))).rejects.toMatchObject({
      status: 503,
      response: { code: 'server-busy' },
    });

    running.finish('first');
    expect(await first).toBe('first');
    await expect(second).rejects.toThrow('scrypt failed');
    expect(await limit.run(() => Promise.resolve('after'))).toBe('after');
  });
});
