import type { TopicSubscription } from '@app/contracts';
import type { SecuritySchemeObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { MigrationInterface } from 'typeorm';

export interface ConsumedTopics {
  /** Consumer group; also names the consumer in the inbox and in dead-letter reasons. */
  groupId: string;
  topics: TopicSubscription[];
}

/** Everything the shared bootstrap needs to know about one deployable service. */
export interface ServiceDefinition {
  name: string;
  /** The PostgreSQL schema this service owns. */
  schema: string;
  defaultPort: number;
  description: string;
  entities: Array<new () => unknown>;
  migrations: Array<new () => MigrationInterface>;
  consumes?: ConsumedTopics;
  /** OpenAPI security schemes, by the names its routes refer to (`@ApiBearerAuth(name)`, `@ApiSecurity(name)`). */
  securitySchemes?: Record<string, SecuritySchemeObject>;
}
