import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import type { ServiceDefinition } from '@app/service-kit';
import { CreateDirectory1764000000200 } from './migrations/1764000000200-create-directory';
import { RememberHoldersAndTransfers1764000000800 } from './migrations/1764000000800-remember-holders-and-transfers';
import { Organization } from './routing/organization.entity';
import { RoutingRule } from './routing/routing-rule.entity';

export const ROUTING_EVENT_SOURCE = 'urn:appeal-routing:routing';

export const routingDefinition: ServiceDefinition = {
  name: 'routing',
  schema: 'routing',
  defaultPort: 3002,
  description:
    'Decides which organisation answers each registered appeal and publishes `routed`; carries transfers ' +
    'when a holder declines an appeal (never back to a body that declined it) and publishes `transferred`.',
  entities: [Organization, RoutingRule],
  migrations: [
    ...messagingMigrations('routing'),
    CreateDirectory1764000000200,
    RememberHoldersAndTransfers1764000000800,
  ],
  consumes: {
    groupId: 'routing',
    topics: [Subscriptions.events],
  },
};
