import { ApiProperty } from '@nestjs/swagger';
import type { Appeal } from './appeal.entity';

export class RegisteredAppealResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'KZ-2026-7K3M-9Q2X' })
  trackingNumber!: string;

  @ApiProperty({ example: 'registered' })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  static of(appeal: Appeal): RegisteredAppealResponse {
    return {
      id: appeal.id,
      trackingNumber: appeal.trackingNumber,
      status: appeal.status,
      registeredAt: appeal.registeredAt.toISOString(),
    };
  }
}
