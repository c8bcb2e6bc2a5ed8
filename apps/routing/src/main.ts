import 'reflect-metadata';
import { main } from '@app/service-kit';
import { routingDefinition } from './routing.definition';
import { RoutingModule } from './routing.module';

main(routingDefinition, RoutingModule);
