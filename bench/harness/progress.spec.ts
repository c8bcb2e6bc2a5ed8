import { progressLine, waitWithProgress } from './progress';

describe('progressLine', () => {
  it('groups thousands and rounds the rate', () => {
    expect(progressLine('registered', 12345, 100000, 812.6)).toBe('  12,345/100,000 registered, 813/s');
  });
});

describe('waitWithProgress', () => {
  it('resolves once the total is done', async () => {
    let done = 0;
    await expect(
      waitWithProgress({ what: 'x', total: 3, done: () => ++done, log: () => undefined }),
    ).resolves.toEqual(expect.any(Number));
    expect(done).toBe(3);
  });
});
