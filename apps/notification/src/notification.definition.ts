import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import { systemBearerScheme, type ServiceDefinition } from '@app/service-kit';
import { CreateNotifications1764000000400 } from './migrations/1764000000400-create-notifications';
import { DeliverNotifications1764000000900 } from './migrations/1764000000900-deliver-notifications';
import { WebhookDeliveries1764000000910 } from './migrations/1764000000910-webhook-deliveries';
import { AppealContact } from './notifications/appeal-contact.entity';
import { Notification } from './notifications/notification.entity';
import { WebhookSubscription } from './webhooks/webhook-subscription.entity';

export const notificationDefinition: ServiceDefinition = {
  name: 'notification',
  schema: 'notification',
  defaultPort: 3004,
  description: 'Records who is told about each step of an appeal, once per event, recipient and channel.',
  entities: [AppealContact, Notification, WebhookSubscription],
  migrations: [
    ...messagingMigrations('notification'),
    CreateNotifications1764000000400,
    DeliverNotifications1764000000900,
    WebhookDeliveries1764000000910,
  ],
  securitySchemes: systemBearerScheme(
    'Its `source` claim scopes the webhook subscriptions it manages and the appeals whose events it hears of.',
  ),
  consumes: {
    groupId: 'notification',
    topics: [Subscriptions.events],
  },
};
