import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import type { ServiceDefinition } from '@app/service-kit';
import { CreateDeadlines1764000000300 } from './migrations/1764000000300-create-deadlines';
import { CreateEscalationChain1764000000310 } from './migrations/1764000000310-create-escalation-chain';

export const ESCALATION_EVENT_SOURCE = 'urn:appeal-routing:escalation';

export const escalationDefinition: ServiceDefinition = {
  name: 'escalation',
  schema: 'escalation',
  defaultPort: 3003,
  description:
    "Keeps each appeal's legal deadline on Kazakhstan's calendar, warns before it, and moves unanswered " +
    'cases up the escalation chain to the central reception.',
  entities: [],
  migrations: [
    ...messagingMigrations('escalation'),
    CreateDeadlines1764000000300,
    CreateEscalationChain1764000000310,
  ],
  consumes: {
    groupId: 'escalation',
    topics: [Subscriptions.events],
  },
};
