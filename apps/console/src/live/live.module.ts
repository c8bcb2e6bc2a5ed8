import { Module } from '@nestjs/common';
import { CaseChangeListener } from './case-change-listener';
import { LiveController } from './live.controller';

@Module({
  controllers: [LiveController],
  providers: [CaseChangeListener],
})
export class LiveModule {}
