import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { IsNotBlank } from '../decorators';

/**
 * What every lifecycle event's `data` carries: the internal id (also the Kafka key on the events
 * topic) and the public tracking number that citizens and external systems know the appeal by.
 */
export abstract class AppealEventData {
  @ApiProperty({ format: 'uuid', example: '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11' })
  @IsUUID()
  appealId!: string;

  @ApiProperty({ minLength: 1, maxLength: 64, example: 'KZ-2025-000123' })
  @IsString()
  @Length(1, 64)
  @IsNotBlank()
  trackingNumber!: string;
}
