import { gaugeFromDatabase } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';

export const deadlineMetrics = {
  fired: new Counter({
    name: 'appeals_deadline_steps_total',
    help: 'Deadline steps taken: warned, escalated to the central reception, overdue at the central reception',
    labelNames: ['step'] as const,
  }),
};

/** Appeals under watch by state, read from the timers table at each scrape: what a dashboard of deadlines shows. */
@Injectable()
export class DeadlineGauges {
  constructor(@InjectDataSource() dataSource: DataSource) {
    gaugeFromDatabase({
      name: 'appeals_deadlines',
      help: 'Appeals whose deadline escalation watches, by state (watching, warned, escalated, overdue)',
      labelNames: ['state'] as const,
      read: async () => {
        const rows = await dataSource.query<Array<{ state: string; count: number }>>(
          'SELECT state, count(*)::int AS count FROM escalation.watched_appeal GROUP BY state',
        );
        return rows.map((row) => ({ labels: { state: row.state }, value: row.count }));
      },
    });
  }
}
