import { AttachmentsField, IsNotBlank, type AttachmentData } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export const MAX_ANSWER_LENGTH = 20_000;

/** The body's answer: its text and references to the documents that go with it. */
export class RespondRequest {
  @ApiProperty({ minLength: 1, maxLength: MAX_ANSWER_LENGTH })
  @IsString()
  @Length(1, MAX_ANSWER_LENGTH)
  @IsNotBlank()
  text!: string;

  @AttachmentsField()
  attachments?: AttachmentData[];
}
