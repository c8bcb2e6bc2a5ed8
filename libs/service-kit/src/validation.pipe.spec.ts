import { computeIinCheckDigit, SubmittedAppealData } from '@app/contracts';
import { HttpException, type ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ContractValidationPipe } from './validation.pipe';

/** A valid IIN of a woman born 1 January 1990 (7th digit 4), whatever serial the check digit allows. */
function validIin(): string {
  for (let serial = 1; serial < 10_000; serial += 1) {
    const first11 = `9001014${String(serial).padStart(4, '0')}`;
    const check = computeIinCheckDigit(first11);
    if (check !== undefined) return `${first11}${check}`;
  }
  throw new Error('no valid IIN found');
}

function goodAppeal(): Record<string, unknown> {
  return {
    externalId: 'portal-1',
    kind: 'complaint',
    category: 'roads.repair',
    regionKato: '751110000',
    subject: 'Жолды жөндеу',
    text: 'Әкімдікке өтініш: жолды жөндеу қажет',
    language: 'kk',
    citizen: {
      fullName: 'Әсел Нұрланқызы',
      iin: validIin(),
      email: 'asel@example.kz',
      preferredChannel: 'email',
    },
  };
}

class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @IsOptional()
  @IsIn(['due', 'received'])
  sort?: string;
}

const pipe = new ContractValidationPipe();
const body: ArgumentMetadata = { type: 'body', metatype: SubmittedAppealData };

/** The body of the 400 answer the pipe throws; fails the test when the value passes. */
function badRequestBody(value: unknown, metadata: ArgumentMetadata = body): Record<string, unknown> {
  try {
    pipe.transform(value, metadata);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(400);
    return (error as HttpException).getResponse() as Record<string, unknown>;
  }
  throw new Error('expected the value to be rejected');
}

describe('ContractValidationPipe', () => {
  it('turns a valid body into the contract class, Kazakh text intact', () => {
    const result = pipe.transform(goodAppeal(), body);
    expect(result).toBeInstanceOf(SubmittedAppealData);
    expect(result).toMatchObject(goodAppeal());
  });

  it('answers 400 with fieldErrors naming a bad field', () => {
    const response = badRequestBody({ ...goodAppeal(), kind: 'wish' });
    expect(response).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'invalid-request' });
    expect(response.fieldErrors).toEqual([
      { field: 'kind', reason: expect.stringMatching(/^kind must be one of/) },
    ]);
  });

  it('names nested fields by their dotted path', () => {
    const appeal = goodAppeal();
    const iin = validIin();
    (appeal.citizen as Record<string, unknown>).iin = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    expect(badRequestBody(appeal).fieldErrors).toEqual([
      { field: 'citizen.iin', reason: 'iin check digit is wrong' },
    ]);
  });

  it('rejects unknown fields rather than dropping them', () => {
    const fields = (
      badRequestBody({ ...goodAppeal(), regionKatto: '751110000' }).fieldErrors as Array<{
        field: string;
      }>
    ).map((error) => error.field);
    expect(fields).toContain('regionKatto');
  });

  it('rejects a body that is not a JSON object', () => {
    expect(badRequestBody([goodAppeal()]).fieldErrors).toEqual([
      { field: '', reason: 'value must be a JSON object, got an array' },
    ]);
  });

  it.each<ArgumentMetadata['type']>(['param', 'custom'])(
    'passes %s parameters through untouched, even with a contract class',
    (type) => {
      const value = { kind: 'wish' };
      expect(pipe.transform(value, { type, metatype: SubmittedAppealData })).toBe(value);
    },
  );

  it.each([String, Number, Boolean, Array, Object, undefined])(
    'passes a body of the plain type %p through untouched',
    (metatype) => {
      const value = { anything: 'goes' };
      expect(pipe.transform(value, { type: 'body', metatype })).toBe(value);
    },
  );

  describe('with a @Query() DTO', () => {
    const query: ArgumentMetadata = { type: 'query', metatype: PageQuery };
    /** As Express parses a query string: text values on an object without a prototype. */
    const parsed = (values: Record<string, string>) => Object.assign(Object.create(null) as object, values);

    it('turns the parameters into the DTO, converting what it declares as a number', () => {
      const result = pipe.transform(parsed({ limit: '20', sort: 'due' }), query);
      expect(result).toBeInstanceOf(PageQuery);
      expect(result).toEqual(Object.assign(new PageQuery(), { limit: 20, sort: 'due' }));
    });

    it('answers 400 naming each bad or unknown parameter', () => {
      const response = badRequestBody(parsed({ limit: '500', sort: 'name', q: 'x' }), query);
      expect(response).toMatchObject({ statusCode: 400, message: 'the query has invalid parameters' });
      expect((response.fieldErrors as Array<{ field: string }>).map((error) => error.field).sort()).toEqual([
        'limit',
        'q',
        'sort',
      ]);
    });

    it('passes a single named parameter of a plain type through untouched', () => {
      expect(pipe.transform('Алматы', { type: 'query', metatype: String, data: 'q' })).toBe('Алматы');
    });
  });
});
