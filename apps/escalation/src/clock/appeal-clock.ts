import type { WarningPoint } from '../deadlines/deadline-calculator';

/**
 * running: the level's deadline and warnings are live. answered: the holder responded (the citizen may still
 * reject). resolved: settled. overdue: the last level's deadline passed; counted, nowhere further to go.
 */
export type ClockState = 'running' | 'answered' | 'resolved' | 'overdue';

/** One appeal's clock at its current level of the escalation chain: what the timers table holds per appeal. */
export interface AppealClock {
  appealId: string;
  trackingNumber: string;
  kind: string;
  regionKato: string | null;
  /** The body routing (or the last transfer) gave the case to: the first level's holder. */
  routedOrganizationId: string;
  level: string;
  /** Who must answer at this level. */
  organizationId: string;
  /** Receipt at intake: where the first level's clock starts. Unknown (null) for clocks of the first release. */
  receivedAt: Date | null;
  /** Receipt at the current holder: receivedAt, a transfer or an escalation. */
  startedAt: Date;
  registeredOn: string;
  policy: string;
  /** The level's deadline before any extension: the base of the legal limit on extensions. */
  originalDueAt: Date;
  dueAt: Date;
  warnings: WarningPoint[];
  /** The earliest warning point not yet fired or passed over; null when none is left. */
  nextWarnAt: Date | null;
  state: ClockState;
}
