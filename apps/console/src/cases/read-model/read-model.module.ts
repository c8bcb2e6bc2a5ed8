import { Module } from '@nestjs/common';
import { CaseFiles } from './case-files';
import { CaseProjection } from './case-projection.consumer';
import { CaseProjector } from './case-projector';
import { CitizenKey } from './citizen-key';

/** The read model: the projection of appeals.events.v1, and the one place its tables are read and written. */
@Module({
  controllers: [CaseProjection],
  providers: [CaseFiles, CaseProjector, { provide: CitizenKey, useFactory: () => CitizenKey.fromEnv() }],
  exports: [CaseFiles, CaseProjector],
})
export class ReadModelModule {}
