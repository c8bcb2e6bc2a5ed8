import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import { systemBearerScheme, type ServiceDefinition } from '@app/service-kit';
import { Appeal } from './appeals/appeal.entity';
import { StatusEntry } from './appeals/status-entry.entity';
import { CreateAppeals1764000000100 } from './migrations/1764000000100-create-appeals';
import { AppealReceivedAt1764000000610 } from './migrations/1764000000610-appeal-received-at';

/** `source` of the lifecycle events intake publishes. */
export const INTAKE_EVENT_SOURCE = 'urn:appeal-routing:intake';

export const intakeDefinition: ServiceDefinition = {
  name: 'intake',
  schema: 'intake',
  defaultPort: 3001,
  description:
    'Accepts appeals over HTTP and from appeals.intake.v1, registers each once, publishes `registered`.',
  entities: [Appeal, StatusEntry],
  migrations: [...messagingMigrations('intake'), CreateAppeals1764000000100, AppealReceivedAt1764000000610],
  securitySchemes: systemBearerScheme("Its `source` claim is the appeal's CloudEvent source."),
  consumes: {
    groupId: 'intake',
    topics: [Subscriptions.intake, Subscriptions.events],
  },
};
