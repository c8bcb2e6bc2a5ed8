import { Controller, Inject, type OnApplicationBootstrap } from '@nestjs/common';
import { ClientKafka, EventPattern, Payload } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { lastValueFrom } from 'rxjs';
import type { Repository } from 'typeorm';
import {
  PEER_ENV,
  requiredEnv,
  storedAppeal,
  type PeerOutput,
  type SubmittedEnvelope,
} from '../peer-contract';
import { StockAppeal } from './stock-appeal.entity';

export const OUTPUT_CLIENT = 'OUTPUT_CLIENT';
// Read when the decorator runs: the pattern of @EventPattern is the topic, fixed at class definition.
const INPUT_TOPIC = requiredEnv(PEER_ENV.inputTopic);
const OUTPUT_TOPIC = requiredEnv(PEER_ENV.outputTopic);

/** The handler as the NestJS documentation shows it: one message, one save(), one emit(). */
@Controller()
export class StockAppealController implements OnApplicationBootstrap {
  constructor(
    @InjectRepository(StockAppeal) private readonly appeals: Repository<StockAppeal>,
    @Inject(OUTPUT_CLIENT) private readonly output: ClientKafka,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.output.connect();
  }

  @EventPattern(INPUT_TOPIC)
  async handle(@Payload() event: SubmittedEnvelope): Promise<void> {
    const saved = await this.appeals.save(this.appeals.create(storedAppeal(event)));
    const output: PeerOutput = { type: 'bench.appeal-stored', externalId: saved.externalId, id: saved.id };
    // Awaited, so the offset is committed only after the broker has the output: nothing lost on a crash.
    await lastValueFrom(this.output.emit(OUTPUT_TOPIC, { key: saved.id, value: output }));
  }
}
