import { IsKatoCode, IsOptionalField } from '@app/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../page.query';

/** `GET /api/v1/board`: the escalated cases still open, by region; `region` narrows the list. */
export class BoardQuery extends PageQuery {
  @ApiPropertyOptional({ pattern: '^\\d{9}$', description: "A region's (or any place's) КАТО code." })
  @IsOptionalField()
  @IsKatoCode()
  region?: string;
}
