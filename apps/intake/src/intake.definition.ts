import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import type { ServiceDefinition } from '@app/service-kit';
import { Appeal } from './appeals/appeal.entity';
import { StatusEntry } from './appeals/status-entry.entity';
import { CreateAppeals1764000000100 } from './migrations/1764000000100-create-appeals';
import { AppealReceivedAt1764000000610 } from './migrations/1764000000610-appeal-received-at';

/** `source` of the lifecycle events intake publishes. */
export const INTAKE_EVENT_SOURCE = 'urn:appeal-routing:intake';
/** The OpenAPI security scheme of external systems' access tokens on POST /api/v1/appeals. */
export const SYSTEM_BEARER_SCHEME = 'systemToken';

export const intakeDefinition: ServiceDefinition = {
  name: 'intake',
  schema: 'intake',
  defaultPort: 3001,
  description:
    'Accepts appeals over HTTP and from appeals.intake.v1, registers each once, publishes `registered`.',
  entities: [Appeal, StatusEntry],
  migrations: [...messagingMigrations('intake'), CreateAppeals1764000000100, AppealReceivedAt1764000000610],
  securitySchemes: {
    [SYSTEM_BEARER_SCHEME]: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        "An external system's access token from the console (OAuth2 client credentials: POST /api/v1/auth/token " +
        'at the console with the client id and secret an administrator issued). Its `source` claim is the ' +
        "appeal's CloudEvent source.",
    },
  },
  consumes: {
    groupId: 'intake',
    topics: [Subscriptions.intake, Subscriptions.events],
  },
};
