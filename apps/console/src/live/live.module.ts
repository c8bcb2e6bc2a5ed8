import { millisecondsFromEnv } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { DatabaseNotices } from './database-notices';
import { LIVE_HEARTBEAT_MS, LiveController } from './live.controller';
import { StaffMessageFeed } from './staff-message-feed';

@Module({
  imports: [NotificationsModule],
  controllers: [LiveController],
  providers: [
    DatabaseNotices,
    StaffMessageFeed,
    {
      provide: LIVE_HEARTBEAT_MS,
      useFactory: () => millisecondsFromEnv('CONSOLE_LIVE_HEARTBEAT_MS', 20_000, 100),
    },
  ],
})
export class LiveModule {}
