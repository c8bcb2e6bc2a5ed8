import { gaugeFromDatabase } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';

export const deadlineMetrics = {
  steps: new Counter({
    name: 'appeals_deadline_steps_total',
    help: 'Deadline steps taken: assigned, warned, escalated-<reason>, overdue (at the last level)',
    labelNames: ['step'] as const,
  }),
  refusals: new Counter({
    name: 'appeals_deadline_refusals_total',
    help: 'Operator actions escalation refused, by code (beyond-legal-limit, at-last-level, ...)',
    labelNames: ['code'] as const,
  }),
  setAside: new Counter({
    name: 'appeals_deadline_clocks_set_aside_total',
    help: 'Due clocks the sweep could not decide (see the error log with their appeal ids), retried later',
  }),
  transfers: new Counter({
    name: 'appeals_transfers_total',
    help: 'Transfers to the competent body, by whether they came within the forwarding term (АППК art. 65)',
    labelNames: ['in_time'] as const,
  }),
};

/** Clocks by level and state, read from the table at each scrape: what a dashboard of deadlines shows. */
@Injectable()
export class DeadlineGauges {
  constructor(@InjectDataSource() dataSource: DataSource) {
    gaugeFromDatabase({
      name: 'appeals_deadlines',
      help: 'Appeals under deadline watch by level and state (running, answered, resolved, overdue)',
      labelNames: ['level', 'state'] as const,
      read: async () => {
        const rows = await dataSource.query<Array<{ level: string; state: string; count: number }>>(
          'SELECT level, state, count(*)::int AS count FROM escalation.appeal_clock GROUP BY level, state',
        );
        return rows.map((row) => ({ labels: { level: row.level, state: row.state }, value: row.count }));
      },
    });
  }
}
