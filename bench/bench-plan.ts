/**
 * The command line of `npm run bench`, read into what to run and how big. See scripts/bench.ts for the flags.
 */
export const SCENARIOS = ['throughput', 'latency', 'hops', 'emails', 'deadlines'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchPlan {
  /** Appeals of the throughput scenario, and of each of the three hops. */
  count: number;
  warmUp: number;
  latency: { ratePerSecond: number; seconds: number };
  emails: number;
  scenarios: ReadonlySet<Scenario>;
}

/** The flags kept from before `--only`: each one names the scenarios it runs. */
const SHORTHANDS: Record<string, Scenario[]> = {
  '--emails-only': ['emails'],
  '--deadlines-only': ['deadlines'],
  '--throughput-only': ['throughput'],
  '--latency-only': ['latency'],
  '--hops-only': ['hops'],
};

export function positiveWhole(value: string | undefined, fallback: number, what: string): number {
  const number = Number(value ?? fallback);
  if (!Number.isInteger(number) || number <= 0)
    throw new Error(`${what} must be a positive whole number, got "${value}"`);
  return number;
}

function flagValue(args: string[], name: string): string | undefined {
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function chosenScenarios(args: string[]): Set<Scenario> {
  const only = flagValue(args, 'only');
  const named = only?.split(',').map((name) => name.trim()) ?? [];
  for (const name of named)
    if (!(SCENARIOS as readonly string[]).includes(name))
      throw new Error(`--only: "${name}" is none of ${SCENARIOS.join(', ')}`);
  const chosen = new Set([...(named as Scenario[]), ...args.flatMap((arg) => SHORTHANDS[arg] ?? [])]);
  return chosen.size > 0 ? chosen : new Set(SCENARIOS);
}

export function parseBenchPlan(args: string[], env: NodeJS.ProcessEnv): BenchPlan {
  return {
    count: positiveWhole(args.find((arg) => !arg.startsWith('--')) ?? env.BENCH_N, 100_000, 'N'),
    warmUp: positiveWhole(flagValue(args, 'warm-up'), 500, '--warm-up'),
    latency: {
      ratePerSecond: positiveWhole(flagValue(args, 'rate') ?? env.BENCH_RATE, 200, '--rate'),
      seconds: positiveWhole(flagValue(args, 'duration') ?? env.BENCH_DURATION, 60, '--duration'),
    },
    emails: positiveWhole(flagValue(args, 'emails') ?? env.BENCH_EMAILS, 5000, '--emails'),
    scenarios: chosenScenarios(args),
  };
}
