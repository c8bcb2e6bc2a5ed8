import { Counter } from 'prom-client';

export const deadlineMetrics = {
  fired: new Counter({
    name: 'appeals_deadline_steps_total',
    help: 'Deadline steps taken: warned, escalated to the central reception, overdue at the central reception',
    labelNames: ['step'] as const,
  }),
};
