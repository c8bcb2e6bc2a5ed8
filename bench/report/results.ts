import type { LatencySummary } from './percentiles';

/** N messages through one hop (or the whole system) in `seconds`, after a warm-up. */
export interface RateResult {
  count: number;
  seconds: number;
}

/** What came out, per id: lost = expected ids that never came, doubled = extra copies. */
export interface CountCheck {
  expected: number;
  lost: number;
  doubled: number;
}

export interface HopResults {
  raw?: RateResult & CountCheck;
  ours?: RateResult & CountCheck;
  stock?: RateResult & CountCheck;
}

export interface ThroughputResult extends RateResult {
  /** Each stage of every appeal of the run: registered (intake), routed (routing), deadline-assigned (notification). */
  stages: Record<'registered' | 'routed' | 'deadlineAssigned', CountCheck>;
}

export interface LatencyResult {
  ratePerSecond: number;
  seconds: number;
  published: number;
  toRouted: LatencySummary;
  toFirstNotification: LatencySummary;
}

export interface EmailResult {
  dispatcher: RateResult;
  floor: RateResult;
  eachOnce: boolean;
}

export interface DeadlineRunResult {
  name: string;
  due: number;
  /** From the moment the clocks fell due until every escalated event was on Kafka. */
  kafkaSeconds: number;
  floorSeconds: number;
  eachOnce: boolean;
}

/** Peak memory of one process (or process tree) during one scenario. */
export interface MemoryPeak {
  scenario: string;
  process: string;
  peakMb: number;
  /** How it was read: VmRSS of /proc/<pid>/status, or the Pss sum of a tree from smaps_rollup. */
  method: string;
  /** Our services are held to the 256 MB goal; the broker and PostgreSQL are shown for context. */
  isService: boolean;
}

export interface BenchResults {
  hops?: HopResults;
  throughput?: ThroughputResult;
  latency?: LatencyResult;
  emails?: EmailResult;
  deadlines?: DeadlineRunResult[];
  memory: MemoryPeak[];
}

export const perSecond = (result: RateResult): number => result.count / result.seconds;
