import { millisecondsFromEnv } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { CaseChangeListener } from './case-change-listener';
import { LIVE_HEARTBEAT_MS, LiveController } from './live.controller';

@Module({
  controllers: [LiveController],
  providers: [
    CaseChangeListener,
    {
      provide: LIVE_HEARTBEAT_MS,
      useFactory: () => millisecondsFromEnv('CONSOLE_LIVE_HEARTBEAT_MS', 20_000, 100),
    },
  ],
})
export class LiveModule {}
