import { AttachmentData, IsNotBlank, IsOptionalField, MAX_ATTACHMENTS } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Length, ValidateNested } from 'class-validator';

export const MAX_ANSWER_LENGTH = 20_000;

/** The body's answer: its text and references to the documents that go with it. */
export class RespondRequest {
  @ApiProperty({ minLength: 1, maxLength: MAX_ANSWER_LENGTH })
  @IsString()
  @Length(1, MAX_ANSWER_LENGTH)
  @IsNotBlank()
  text!: string;

  @ApiPropertyOptional({ type: () => [AttachmentData], maxItems: MAX_ATTACHMENTS })
  @IsOptionalField()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentData)
  attachments?: AttachmentData[];
}
