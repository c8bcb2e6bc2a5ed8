import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import type { ServiceDefinition } from '@app/service-kit';
import { CreateCaseReadModel1764000000700 } from './migrations/1764000000700-create-case-read-model';
import { CreateAuditLog1764000000705 } from './migrations/1764000000705-create-audit-log';
import { CreateIdentity1764000000710 } from './migrations/1764000000710-create-identity';
import { CONSOLE_SECURITY_SCHEMES } from './identity/openapi-security';
import { CaseReadModelQueries1764000000720 } from './migrations/1764000000720-case-read-model-queries';
import { CreateCaseActions1764000000730 } from './migrations/1764000000730-create-case-actions';
import { CreateLoginThrottle1764000000740 } from './migrations/1764000000740-create-login-throttle';
import { AuditListedAppeals1764000000750 } from './migrations/1764000000750-audit-listed-appeals';
import { StaffNotifications1764000000760 } from './migrations/1764000000760-staff-notifications';

/** `source` of the lifecycle events the console publishes (operators' actions). */
export const CONSOLE_EVENT_SOURCE = 'urn:appeal-routing:console';

export const consoleDefinition: ServiceDefinition = {
  name: 'console',
  schema: 'console',
  defaultPort: 3005,
  description:
    'Where akimat operators, supervisors and the central reception work: queues, case pages and actions over a read model of appeals.events.v1, with in-app messages for staff from notifications.events.v1; issues the credentials of external systems.',
  entities: [],
  migrations: [
    ...messagingMigrations('console'),
    CreateCaseReadModel1764000000700,
    CreateAuditLog1764000000705,
    CreateIdentity1764000000710,
    CaseReadModelQueries1764000000720,
    CreateCaseActions1764000000730,
    CreateLoginThrottle1764000000740,
    AuditListedAppeals1764000000750,
    StaffNotifications1764000000760,
  ],
  securitySchemes: CONSOLE_SECURITY_SCHEMES,
  consumes: {
    groupId: 'console',
    // One group for both: the lifecycle into the read model, notification's outcomes into staff's messages.
    topics: [Subscriptions.events, Subscriptions.notifications],
  },
};
