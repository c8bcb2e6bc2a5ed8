import { KAFKA, liveness, probeKafka, type KafkaClient } from '@app/messaging';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RateLimited } from './rate-limits';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';

@ApiExcludeController()
// Probes and scrapes come often and from the platform: never limited.
@RateLimited(false)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
  ) {}

  /**
   * Liveness: what must keep running does (the Kafka consumer); a restart would fix it.
   * Outages of PostgreSQL or Kafka are not here: restarting would not bring them back.
   */
  @Get('live')
  live(): { status: 'ok' } {
    const problems = liveness.problems();
    if (Object.keys(problems).length > 0)
      throw new ServiceUnavailableException({ status: 'error', problems });
    return { status: 'ok' };
  }

  /**
   * Readiness, what a load balancer needs: PostgreSQL answers. Kafka is not asked: appeals are accepted
   * into the outbox while Kafka is away and published when it is back.
   */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('postgres', { timeout: 2000 })]);
  }

  /** Kafka answers (503 when not): for operators and alerts, not for routing traffic. */
  @Get('kafka')
  @HealthCheck()
  kafkaState(): Promise<HealthCheckResult> {
    return this.health.check([() => this.kafkaCheck()]);
  }

  private async kafkaCheck(): Promise<HealthIndicatorResult<'kafka'>> {
    const session = this.indicators.check('kafka');
    const probe = await probeKafka(this.kafka);
    return probe.up ? session.up({ brokers: probe.brokers }) : session.down({ message: probe.reason });
  }
}
