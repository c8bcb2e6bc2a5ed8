import type { ActionReceipt } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** The answer to an accepted action (OpenAPI shape of {@link ActionReceipt}). */
export class ActionReceiptResponse implements ActionReceipt {
  @ApiProperty({ description: 'The id of the lifecycle event the action published.' })
  eventId!: string;

  @ApiProperty({ example: '"8"', description: "The case's new ETag, for the next If-Match." })
  etag!: string;

  @ApiProperty({ example: 'in-work', description: "The case's status after the action." })
  status!: string;
}
