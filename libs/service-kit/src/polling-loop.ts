/**
 * Runs `pass` again and again in the background: at once while it says more is waiting, else after `idleMs`
 * or as soon as {@link nudge} is called (a nudge during a pass is kept, so the next pass follows at once). A
 * failed pass is reported and waited out like an idle one, so one bad moment never ends the loop.
 */
export class PollingLoop {
  private running = false;
  private loop?: Promise<void>;
  private nudged = false;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;

  constructor(
    private readonly pass: () => Promise<boolean>,
    private readonly idleMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Ends the loop after the pass in progress, if any. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      try {
        if (await this.pass()) continue;
      } catch (error) {
        this.onError(error);
      }
      if (this.nudged || !this.running) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.idleMs);
      });
      this.wake = undefined;
    }
  }
}
