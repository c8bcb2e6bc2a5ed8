import { Subscriptions } from '@app/contracts';
import { messagingMigrations } from '@app/messaging';
import type { ServiceDefinition } from '@app/service-kit';
import { CreateNotifications1764000000400 } from './migrations/1764000000400-create-notifications';
import { DeliverNotifications1764000000900 } from './migrations/1764000000900-deliver-notifications';
import { AppealContact } from './notifications/appeal-contact.entity';
import { Notification } from './notifications/notification.entity';

export const notificationDefinition: ServiceDefinition = {
  name: 'notification',
  schema: 'notification',
  defaultPort: 3004,
  description: 'Records who is told about each step of an appeal, once per event, recipient and channel.',
  entities: [AppealContact, Notification],
  migrations: [
    ...messagingMigrations('notification'),
    CreateNotifications1764000000400,
    DeliverNotifications1764000000900,
  ],
  consumes: {
    groupId: 'notification',
    topics: [Subscriptions.events],
  },
};
