import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { ERROR_REASONS, type ErrorDetail } from '@samverkan/contracts';
import { DetailedHttpException } from './api-exception.filter';
import { IsCalendarDate } from './field.validators';
import { IsContractText, IsNotIdentifying } from './text.validators';
import { createValidationPipe } from './validation.pipe';

class ExampleDto {
  @IsContractText({ min: 1, max: 40 })
  @IsNotIdentifying()
  label: string;

  @IsOptional()
  @IsUUID('all')
  siteId?: string;

  @IsOptional()
  @IsIn(['a', 'b'])
  kind?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  count?: number;

  @IsOptional()
  @IsBoolean()
  approve?: boolean;

  @IsOptional()
  @IsCalendarDate('2026-12-31')
  expiresOn?: string;
}

async function refusal(body: Record<string, unknown>): Promise<ErrorDetail[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: ExampleDto });
  } catch (error) {
    if (error instanceof DetailedHttpException)
      return (error.getResponse() as { details: ErrorDetail[] }).details;
    throw error;
  }
  throw new Error('the body was accepted');
}

const reasons = (details: ErrorDetail[]) => details.map(({ field, reason }) => ({ field, reason }));

describe('the validation pipe names a reason code for every problem', () => {
  it.each<[string, Record<string, unknown>, { field: string; reason: string }[]]>([
    ['a missing text', {}, [{ field: 'label', reason: 'required' }]],
    ['a text that is not a string', { label: 5 }, [{ field: 'label', reason: 'wrong_type' }]],
    ['a text too long', { label: 'x'.repeat(41) }, [{ field: 'label', reason: 'text_length' }]],
    ['a NUL character', { label: 'a\u0000b' }, [{ field: 'label', reason: 'text_characters' }]],
    ['a phone number', { label: '070-123 45 67' }, [{ field: 'label', reason: 'phone_number' }]],
    ['an unknown field', { label: 'Bil 1', colour: 'red' }, [{ field: 'colour', reason: 'unknown_field' }]],
    ['a bad id', { label: 'Bil 1', siteId: 'nope' }, [{ field: 'siteId', reason: 'invalid_id' }]],
    [
      'a value not among the choices',
      { label: 'Bil 1', kind: 'c' },
      [{ field: 'kind', reason: 'not_one_of' }],
    ],
    [
      'a number below its minimum',
      { label: 'Bil 1', count: 0 },
      [{ field: 'count', reason: 'out_of_range' }],
    ],
    [
      'a boolean given as text',
      { label: 'Bil 1', approve: 'yes' },
      [{ field: 'approve', reason: 'wrong_type' }],
    ],
    [
      'an impossible date',
      { label: 'Bil 1', expiresOn: '2026-02-30' },
      [{ field: 'expiresOn', reason: 'invalid_date' }],
    ],
  ])('%s', async (_case, body, expected) => {
    const details = await refusal(body);
    expect(reasons(details)).toEqual(expected);
    for (const detail of details) expect(ERROR_REASONS).toContain(detail.reason);
  });
});
