import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiProperty, ApiResponse } from '@nestjs/swagger';
import { LANGUAGES } from './language';

const LANGUAGE_NOTE = `In the language of Accept-Language (${LANGUAGES.join(', ')}; English when none of them is asked for).`;

export class FieldErrorResponse {
  @ApiProperty({ example: 'citizen.iin', description: "Dotted path of the field; '' for the whole body." })
  field!: string;

  @ApiProperty({
    example: 'iin check digit is wrong',
    description: 'What is wrong, in English, worded as it always was: stable for programs that read it.',
  })
  reason!: string;

  @ApiProperty({
    example: 'iinCheckDigit',
    description:
      "The rule that failed, stable: class-validator's constraint name (isLength, isEnum, whitelistValidation for an unknown property…) or a finer one (iinCheckDigit, katoRegion, sha256Hex…).",
  })
  code!: string;

  @ApiProperty({
    example: '«citizen.iin» өрісі: ЖСН-нің бақылау разряды (соңғы цифры) қате.',
    description: LANGUAGE_NOTE,
  })
  message!: string;
}

export class InvalidRequestResponse {
  @ApiProperty({ example: 400, description: '400, or 413/415 for a body too large or not UTF-8 JSON.' })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase, in English.' })
  error!: string;

  @ApiProperty({ enum: ['invalid-request'] })
  code!: 'invalid-request';

  @ApiProperty({ example: 'Сұраудың кейбір өрістері дұрыс толтырылмаған.', description: LANGUAGE_NOTE })
  message!: string;

  @ApiProperty({ type: () => [FieldErrorResponse], description: 'One entry per failed rule.' })
  fieldErrors!: FieldErrorResponse[];
}

export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found', description: 'The HTTP reason phrase, in English.' })
  error!: string;

  @ApiProperty({
    example: 'appeal-not-found',
    description:
      'Stable: unauthenticated, forbidden, not-found, conflict, too-many-requests, or a finer one.',
  })
  code!: string;

  @ApiProperty({ example: 'Обращение с таким номером не найдено.', description: LANGUAGE_NOTE })
  message!: string;
}

/** The 400 of a route that takes a body, a query or parameters: every refused field, with its reason. */
export function ApiInvalidRequestResponse(
  description = 'Invalid input; fieldErrors name each field and why',
): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBadRequestResponse({ type: InvalidRequestResponse, description }));
}

/** Any other refusal (401, 403, 404, 409, 429…): `{ statusCode, error, code, message }`. */
export function ApiErrorResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiResponse({ status, type: ErrorResponse, description }));
}

/** For DocumentBuilder.addGlobalParameters: every route answers refusals in the language asked for. */
export const ACCEPT_LANGUAGE_PARAMETER = {
  name: 'Accept-Language',
  in: 'header' as const,
  required: false,
  description: `Language of error messages: ${LANGUAGES.join(', ')} (q-values honoured; kk-KZ counts as kk). Without it, or with none of these, English.`,
  schema: { type: 'string', example: 'kk, ru;q=0.8' },
};
