import 'reflect-metadata';
import { main } from '@app/service-kit';
import { notificationDefinition } from './notification.definition';
import { NotificationModule } from './notification.module';

main(notificationDefinition, NotificationModule);
