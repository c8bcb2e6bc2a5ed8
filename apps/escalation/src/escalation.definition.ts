import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import type { ServiceDefinition } from '@app/service-kit';
import { DeadlinePolicyRow } from './deadlines/deadline-policy.entity';
import { WatchedAppeal } from './deadlines/watched-appeal.entity';
import { CreateDeadlines1764000000300 } from './migrations/1764000000300-create-deadlines';

export const ESCALATION_EVENT_SOURCE = 'urn:appeal-routing:escalation';

export const escalationDefinition: ServiceDefinition = {
  name: 'escalation',
  schema: 'escalation',
  defaultPort: 3003,
  description:
    'Gives each routed appeal its legal deadline, warns before it and escalates overdue regional cases.',
  entities: [DeadlinePolicyRow, WatchedAppeal],
  migrations: [...messagingMigrations('escalation'), CreateDeadlines1764000000300],
  consumes: {
    groupId: 'escalation',
    topics: [Subscriptions.events],
  },
};
