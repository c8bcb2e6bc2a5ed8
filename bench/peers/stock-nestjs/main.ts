/**
 * The stock approach, run by the bench as its own process: a NestJS microservice on the built-in Kafka
 * transport (@nestjs/microservices), with the defaults a team starts from; see stock-appeal.controller.ts.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { brokers, StockModule } from './stock.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(StockModule, {
    transport: Transport.KAFKA,
    options: {
      client: { clientId: 'bench-stock', brokers: brokers() },
      consumer: { groupId: 'bench-stock' },
      // The bench publishes its warm-up before the group has joined; a new group would otherwise skip it.
      subscribe: { fromBeginning: true },
    },
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  await app.listen();
}

bootstrap().catch((error: unknown) => {
  console.error(`stock NestJS peer failed: ${(error as Error).message}`);
  process.exit(1);
});
