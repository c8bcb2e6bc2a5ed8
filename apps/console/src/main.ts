import 'reflect-metadata';
import { main } from '@app/service-kit';
import { consoleDefinition } from './console.definition';
import { ConsoleModule } from './console.module';

main(consoleDefinition, ConsoleModule);
