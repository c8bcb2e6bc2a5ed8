import { KAFKA, probeKafka, type KafkaClient } from '@app/messaging';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
  ) {}

  /** Liveness: the process answers. Restarting it would not fix a database outage, so no dependencies here. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the service can do its work now (PostgreSQL and Kafka answer). */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.kafkaCheck(),
    ]);
  }

  private async kafkaCheck(): Promise<HealthIndicatorResult<'kafka'>> {
    const session = this.indicators.check('kafka');
    const probe = await probeKafka(this.kafka, 2000);
    return probe.up ? session.up({ brokers: probe.brokers }) : session.down({ message: probe.reason });
  }
}
