import { CachedReferenceData } from './cached-reference-data';

describe('CachedReferenceData', () => {
  it('loads once while fresh and again once the time to live has passed', async () => {
    let clock = 0;
    let loads = 0;
    const cache = new CachedReferenceData(
      async () => ++loads,
      1000,
      () => clock,
    );
    expect(await cache.get()).toBe(1);
    clock = 999;
    expect(await cache.get()).toBe(1);
    clock = 1000;
    expect(await cache.get()).toBe(2);
  });

  it('shares one load between concurrent readers', async () => {
    let loads = 0;
    const cache = new CachedReferenceData(async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return loads;
    });
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual([1, 1, 1]);
  });

  it('tries again after a failed load instead of keeping the failure', async () => {
    let fail = true;
    const cache = new CachedReferenceData(async () => {
      if (fail) throw new Error('database away');
      return 'directory';
    });
    await expect(cache.get()).rejects.toThrow('database away');
    fail = false;
    await expect(cache.get()).resolves.toBe('directory');
  });
});
