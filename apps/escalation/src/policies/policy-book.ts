import { WorkingCalendar } from '@app/calendar';
import { CachedReferenceData } from '@app/persistence';
import { millisecondsFromEnv } from '@app/service-kit';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EscalationChain, type LevelConfig } from '../chain/escalation-chain';
import { ClockRules, type PolicyLookup } from '../clock/clock-rules';
import { DeadlineCalculator } from '../deadlines/deadline-calculator';
import {
  LEGAL_DEFAULT_POLICY,
  LEGAL_DEFAULT_RULES,
  parsePolicy,
  parseRules,
  type DeadlinePolicy,
  type LegalRules,
} from './deadline-policy';

/** Used when the configured chain cannot be read sensibly: a broken row must not stop escalation. */
const DEFAULT_CHAIN: LevelConfig[] = [
  { code: 'regional-akimat', rank: 10, holder: 'routed', enabled: true },
  { code: 'central-reception', rank: 30, holder: 'central-reception', enabled: true },
];

const RULE_NAMES: Record<string, keyof LegalRules> = {
  forwarding: 'forwarding',
  'extension-limit': 'extensionLimit',
  'extension-notice': 'extensionNotice',
};

interface PolicyRow {
  level: string;
  kind: string;
  due: string;
  warn_before: string[];
}

/** Policies by (level, kind), then (level, '*'), then the law's default; a row that does not parse is skipped. */
class PolicyTable implements PolicyLookup {
  constructor(
    private readonly rows: Map<string, DeadlinePolicy>,
    readonly legal: LegalRules,
  ) {}

  policyFor(level: string, kind: string): DeadlinePolicy {
    return (
      this.rows.get(`${level}/${kind}`) ?? this.rows.get(`${level}/*`) ?? parsePolicy(LEGAL_DEFAULT_POLICY)
    );
  }
}

/**
 * The chain's levels, the deadline policies and the legal rules, as the database holds them: data an
 * operator changes with an UPDATE, applied within ESCALATION_POLICY_CACHE_MS without a restart.
 */
@Injectable()
export class PolicyBook {
  private readonly log = new Logger(PolicyBook.name);
  private readonly calculator: DeadlineCalculator;
  private readonly cached: CachedReferenceData<{
    rules: ClockRules;
    chain: EscalationChain;
    table: PolicyLookup;
  }>;

  constructor(@InjectDataSource() dataSource: DataSource, calendar: WorkingCalendar) {
    this.calculator = new DeadlineCalculator(calendar);
    this.cached = new CachedReferenceData(
      async () => {
        const chain = this.chainFrom(
          await dataSource.query('SELECT code, rank, holder, enabled FROM escalation.escalation_level'),
        );
        const table = new PolicyTable(
          this.policiesFrom(
            await dataSource.query('SELECT level, kind, due, warn_before FROM escalation.deadline_policy'),
          ),
          this.rulesFrom(await dataSource.query('SELECT name, span FROM escalation.legal_rule')),
        );
        return { rules: new ClockRules(chain, table, this.calculator), chain, table };
      },
      millisecondsFromEnv('ESCALATION_POLICY_CACHE_MS', 5_000, 0),
    );
  }

  async rules(): Promise<ClockRules> {
    return (await this.cached.get()).rules;
  }

  async policyFor(level: string | undefined, kind: string): Promise<DeadlinePolicy> {
    const { chain, table } = await this.cached.get();
    return table.policyFor(level ?? chain.codes()[0], kind);
  }

  private chainFrom(rows: LevelConfig[]): EscalationChain {
    try {
      return new EscalationChain(rows);
    } catch (error) {
      this.log.error({
        msg: 'escalation levels are misconfigured; using the default chain',
        error: String(error),
      });
      return new EscalationChain(DEFAULT_CHAIN);
    }
  }

  private policiesFrom(rows: PolicyRow[]): Map<string, DeadlinePolicy> {
    const policies = new Map<string, DeadlinePolicy>();
    for (const row of rows) {
      try {
        const policy = parsePolicy({ due: row.due, warnBefore: row.warn_before });
        // A span that runs off the calendar (P100Y) would fail every clock it applies to: refuse it here.
        this.calculator.compute(new Date(), policy);
        policies.set(`${row.level}/${row.kind}`, policy);
      } catch (error) {
        this.log.error({
          msg: 'deadline policy row ignored',
          level: row.level,
          kind: row.kind,
          error: String(error),
        });
      }
    }
    return policies;
  }

  private rulesFrom(rows: Array<{ name: string; span: string }>): LegalRules {
    const stored = { ...LEGAL_DEFAULT_RULES };
    for (const row of rows) {
      const name = RULE_NAMES[row.name];
      if (name) stored[name] = row.span;
    }
    try {
      return parseRules(stored);
    } catch (error) {
      this.log.error({ msg: 'legal rules misconfigured; using the law', error: String(error) });
      return parseRules(LEGAL_DEFAULT_RULES);
    }
  }
}
