import { PollingLoop } from './polling-loop';

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('PollingLoop', () => {
  it('goes on at once while a pass says more is waiting, then waits for the idle time', async () => {
    let passes = 0;
    const loop = new PollingLoop(
      async () => ++passes < 5,
      60_000,
      () => undefined,
    );
    loop.start();
    await tick(20);
    expect(passes).toBe(5);
    await loop.stop();
  });

  it('runs a pass as soon as it is nudged, even when the nudge came during a pass', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const loop = new PollingLoop(
      async () => {
        passes += 1;
        if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
        return false;
      },
      60_000,
      () => undefined,
    );
    loop.start();
    await tick();
    loop.nudge(); // during the first pass
    release();
    await tick();
    expect(passes).toBe(2);
    loop.nudge(); // while idle
    await tick();
    expect(passes).toBe(3);
    await loop.stop();
  });

  it('reports a failed pass and keeps going', async () => {
    const errors: unknown[] = [];
    let passes = 0;
    const loop = new PollingLoop(
      async () => {
        passes += 1;
        if (passes === 1) throw new Error('database away');
        return false;
      },
      1,
      (error) => errors.push(error),
    );
    loop.start();
    await tick(30);
    await loop.stop();
    expect(errors).toEqual([new Error('database away')]);
    expect(passes).toBeGreaterThan(1);
  });

  it('stops while idle without waiting out the idle time (a minute here, beyond the test timeout)', async () => {
    const loop = new PollingLoop(
      async () => false,
      60_000,
      () => undefined,
    );
    loop.start();
    await tick();
    await expect(loop.stop()).resolves.toBeUndefined();
  });
});
