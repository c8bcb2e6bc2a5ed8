import { httpError } from '@app/service-kit';

/** How many password hashes at once, and how many more may wait for a turn. */
export interface ConcurrencyLimitSettings {
  running: number;
  waiting: number;
}

/**
 * A semaphore for work that runs on libuv's thread pool (four threads by default, shared with DNS lookups,
 * file reads and zlib): a burst of logins hashing at once would hold every thread and stall the rest of the
 * console. Tasks past `running` wait their turn in order; past `waiting` more, the caller gets 503 at once
 * rather than a queue that only grows.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly settings: ConcurrencyLimitSettings) {
    if (settings.running < 1 || settings.waiting < 0)
      throw new Error('a concurrency limit runs at least one task and keeps no negative queue');
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.turn();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private turn(): Promise<void> {
    if (this.active < this.settings.running) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.queue.length >= this.settings.waiting) return Promise.reject(httpError('server-busy'));
    // The slot passes straight from the task that ends to the one that waited longest.
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active -= 1;
  }
}
