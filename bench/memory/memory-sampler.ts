import { SERVICE_NAMES } from '@app/local-infra';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MemoryPeak } from '../report/results';
import { belongsToDatabase, childrenOf, proportionalMb, residentMb } from './proc-memory';

/** Something to watch: the memory in MB of each process it stands for now (none while nothing runs). */
export interface MemoryProbe {
  method: string;
  /** Our services are held to the memory goal; peers, the broker and PostgreSQL are context. */
  isService(process: string): boolean;
  read(): Map<string, number>;
}

const SAMPLE_EVERY_MS = 250;
/** Finding processes scans /proc: often enough to see a new one, not on every sample. */
const REFRESH_EVERY_MS = 1_000;

/** `find` again once its answer is older than a second. */
function refreshed<T>(find: () => T): () => T {
  let value: T | undefined;
  let at = 0;
  return () => {
    if (value === undefined || Date.now() - at > REFRESH_EVERY_MS) {
      value = find();
      at = Date.now();
    }
    return value;
  };
}

/**
 * "intake" for dist/apps/intake/src/main.js, "stock-nestjs" for dist/bench/peers/stock-nestjs/main.js:
 * the name of a Node process the bench started, from its command line.
 */
export function processName(commandLine: string): string | undefined {
  const entry = /dist\/(?:apps\/([\w-]+)\/src\/main|bench\/peers\/([\w-]+)(?:\/main)?)\.js/.exec(commandLine);
  return entry?.[1] ?? entry?.[2];
}

/**
 * VmRSS of every service and peer the bench has running, found as its child processes, whichever scenario
 * started them. Two processes of one name (two escalations) show as the larger.
 */
export function benchChildrenProbe(): MemoryProbe {
  const children = refreshed(() => childrenOf(process.pid));
  return {
    method: 'VmRSS',
    isService: (name) => (SERVICE_NAMES as readonly string[]).includes(name),
    read: () => {
      const readings = new Map<string, number>();
      for (const child of children()) {
        const name = processName(child.commandLine);
        const mb = name === undefined ? undefined : residentMb(child.pid);
        if (name !== undefined && mb !== undefined) readings.set(name, Math.max(mb, readings.get(name) ?? 0));
      }
      return readings;
    },
  };
}

/** The local broker's JVM, whose pid the broker start-up keeps in `<dataDir>/broker.pid`. */
export function brokerProbe(dataDir: string): MemoryProbe {
  const pid = refreshed(
    () => Number(readFileSync(path.join(dataDir, 'broker.pid'), 'utf8').trim()) || undefined,
  );
  return {
    method: 'VmRSS',
    isService: () => false,
    read: () => {
      const mb = residentMb(pid() ?? 0);
      return new Map(mb === undefined ? [] : [['Kafka broker (JVM)', mb]]);
    },
  };
}

/** The Pss sum of the postmaster, its helpers and the backends of `database`. */
export function postgresProbe(postmasterPid: number, database: string): MemoryProbe {
  const members = refreshed(() => [
    postmasterPid,
    ...childrenOf(postmasterPid)
      .filter((child) => belongsToDatabase(child.commandLine, database))
      .map((child) => child.pid),
  ]);
  return {
    method: `Pss sum: postmaster, helpers, ${database} backends`,
    isService: () => false,
    read: () => {
      const readings = members()
        .map(proportionalMb)
        .filter((mb): mb is number => mb !== undefined);
      return new Map(
        readings.length === 0 ? [] : [['PostgreSQL', readings.reduce((sum, mb) => sum + mb, 0)]],
      );
    },
  };
}

/** Samples every probe every 250 ms while a scenario runs and keeps each process's peak in it. */
export class MemorySampler {
  readonly peaks: MemoryPeak[] = [];

  constructor(private readonly probes: MemoryProbe[]) {}

  async during<T>(scenario: string, work: () => Promise<T>): Promise<T> {
    const highest = new Map<string, MemoryPeak>();
    const sample = (): void => {
      for (const probe of this.probes) {
        for (const [process, mb] of probe.read()) {
          const known = highest.get(process);
          if (!known || mb > known.peakMb)
            highest.set(process, {
              scenario,
              process,
              peakMb: mb,
              method: probe.method,
              isService: probe.isService(process),
            });
        }
      }
    };
    const timer = setInterval(sample, SAMPLE_EVERY_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      this.peaks.push(...highest.values());
    }
  }
}
