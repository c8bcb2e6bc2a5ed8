import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import type { ServiceDefinition } from '@app/service-kit';
import { CreateDirectory1764000000200 } from './migrations/1764000000200-create-directory';
import { Assignment } from './routing/assignment.entity';
import { Organization } from './routing/organization.entity';
import { RoutingRule } from './routing/routing-rule.entity';

export const ROUTING_EVENT_SOURCE = 'urn:appeal-routing:routing';

export const routingDefinition: ServiceDefinition = {
  name: 'routing',
  schema: 'routing',
  defaultPort: 3002,
  description: 'Decides which organisation answers each registered appeal and publishes `routed`.',
  entities: [Organization, RoutingRule, Assignment],
  migrations: [...messagingMigrations('routing'), CreateDirectory1764000000200],
  consumes: {
    groupId: 'routing',
    topics: [Subscriptions.events],
  },
};
