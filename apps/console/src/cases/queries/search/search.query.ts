import { IsNotBlank } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PageQuery } from '../page.query';

/** `GET /api/v1/cases/search?q=…`: the term is never logged (request logs carry no query string). */
export class SearchQuery extends PageQuery {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'жол жөндеу',
    description: 'Words of the subject or text.',
  })
  @IsString({ message: 'q must be given once' })
  @Length(1, 200)
  @IsNotBlank()
  q!: string;
}
