import 'reflect-metadata';
import { main } from '@app/service-kit';
import { intakeDefinition } from './intake.definition';
import { IntakeModule } from './intake.module';

main(intakeDefinition, IntakeModule);
