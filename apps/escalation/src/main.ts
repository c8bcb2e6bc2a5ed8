import 'reflect-metadata';
import { main } from '@app/service-kit';
import { escalationDefinition } from './escalation.definition';
import { EscalationModule } from './escalation.module';

main(escalationDefinition, EscalationModule);
