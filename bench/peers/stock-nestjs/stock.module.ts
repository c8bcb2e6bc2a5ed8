import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PEER_ENV, requiredEnv } from '../peer-contract';
import { OUTPUT_CLIENT, StockAppealController } from './stock-appeal.controller';
import { StockAppeal } from './stock-appeal.entity';

export const brokers = (): string[] => requiredEnv(PEER_ENV.brokers).split(',');

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: requiredEnv(PEER_ENV.databaseUrl),
      schema: requiredEnv(PEER_ENV.schema),
      entities: [StockAppeal],
      synchronize: false,
    }),
    TypeOrmModule.forFeature([StockAppeal]),
    ClientsModule.register([
      {
        name: OUTPUT_CLIENT,
        transport: Transport.KAFKA,
        options: { client: { clientId: 'bench-stock-out', brokers: brokers() }, producerOnlyMode: true },
      },
    ]),
  ],
  controllers: [StockAppealController],
})
export class StockModule {}
