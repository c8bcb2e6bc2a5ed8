import { rateLimitProviders, ServiceKitModule, systemAccessProviders } from '@app/service-kit';
import { Module } from '@nestjs/common';
import {
  INTAKE_ACCESS_CONFIG,
  intakeAccessConfigFromEnv,
  type IntakeAccessConfig,
} from './access/intake-access-config';
import { AppealRegistrar } from './appeals/appeal-registrar';
import { AppealTracking } from './appeals/appeal-tracking';
import { AppealEventsConsumer } from './appeals/appeal-events.consumer';
import { AppealsController } from './appeals/appeals.controller';
import { SUBMITTED_AT_POLICY, submittedAtPolicyFromEnv } from './appeals/received-at';
import { TimelineRecorder } from './appeals/timeline-recorder';
import { TrackingNumberIssuer } from './appeals/tracking-number';
import { intakeDefinition } from './intake.definition';

@Module({
  imports: [ServiceKitModule.forService(intakeDefinition)],
  controllers: [AppealsController, AppealEventsConsumer],
  providers: [
    AppealRegistrar,
    AppealTracking,
    TimelineRecorder,
    TrackingNumberIssuer,
    // Read when the module starts: a bad setting stops intake with a message naming the variable.
    { provide: SUBMITTED_AT_POLICY, useFactory: () => submittedAtPolicyFromEnv() },
    { provide: INTAKE_ACCESS_CONFIG, useFactory: () => intakeAccessConfigFromEnv() },
    ...systemAccessProviders((config: IntakeAccessConfig) => config, [INTAKE_ACCESS_CONFIG]),
    ...rateLimitProviders((config: IntakeAccessConfig) => config.rateLimits, [INTAKE_ACCESS_CONFIG]),
  ],
})
export class IntakeModule {}
