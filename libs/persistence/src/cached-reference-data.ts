/**
 * Reference data (directories, rules, policies) read on every event but changed rarely: kept for a short
 * while, so a change made in the database takes effect within `ttlMs` without a restart.
 */
export class CachedReferenceData<T> {
  private value?: { data: T; loadedAt: number };
  private loading?: Promise<T>;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<T> {
    if (this.value && this.now() - this.value.loadedAt < this.ttlMs) return this.value.data;
    this.loading ??= this.load()
      .then((data) => {
        this.value = { data, loadedAt: this.now() };
        return data;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
