/**
 * What must keep running for a service to be alive, such as its Kafka consumer. Each registers a check
 * that names what is wrong (or undefined when all is well); `/health/live` answers 503 while any check
 * names a problem, so the supervisor restarts a process whose consumer stopped for good. (The outbox relay
 * needs no check: it retries every failure by itself, and its backlog metrics show when it cannot.)
 */
export type LivenessCheck = () => string | undefined;

export class Liveness {
  private readonly checks = new Map<string, LivenessCheck>();

  register(name: string, check: LivenessCheck): void {
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  /** One entry per failing check: `{ consumer: 'not running since …' }`. */
  problems(): Record<string, string> {
    const problems: Record<string, string> = {};
    for (const [name, check] of this.checks) {
      const problem = check();
      if (problem !== undefined) problems[name] = problem;
    }
    return problems;
  }
}

/** The process's registry, like prom-client's default registry: one per service process. */
export const liveness = new Liveness();
