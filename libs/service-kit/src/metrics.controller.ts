import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RateLimited } from './rate-limits';
import { collectDefaultMetrics, register } from 'prom-client';

collectDefaultMetrics();

@ApiExcludeController()
// Probes and scrapes come often and from the platform: never limited.
@RateLimited(false)
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
