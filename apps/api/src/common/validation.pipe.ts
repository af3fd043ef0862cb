import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ERROR_REASONS, type ErrorDetail, type ErrorReason } from '@samverkan/contracts';
import { hasForbiddenCharacters } from '@samverkan/text';
import { DetailedHttpException } from './api-exception.filter';
import { NOT_IDENTIFYING, notIdentifyingReason } from './text.validators';

/** class-validator's constraint names (and ours) → the reason code a client puts in the user's language. */
const REASON_BY_CONSTRAINT: Record<string, ErrorReason> = {
  whitelistValidation: 'unknown_field',
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'wrong_type',
  isInt: 'wrong_type',
  isNumber: 'wrong_type',
  isBoolean: 'wrong_type',
  isObject: 'wrong_type',
  isArray: 'wrong_type',
  nestedValidation: 'wrong_type',
  isIn: 'not_one_of',
  isEnum: 'not_one_of',
  isWordList: 'not_one_of',
  isUuid: 'invalid_id',
  isIsoInstant: 'invalid_time',
  isCalendarDate: 'invalid_date',
  min: 'out_of_range',
  max: 'out_of_range',
  arrayMinSize: 'out_of_range',
  arrayMaxSize: 'out_of_range',
  minLength: 'text_length',
  maxLength: 'text_length',
};

/** A contract text's refusal says why: missing, not a string, a forbidden character, or its length. */
function contractTextReason(value: unknown): ErrorReason {
  if (value === undefined || value === null) return 'required';
  if (typeof value !== 'string') return 'wrong_type';
  if (hasForbiddenCharacters(value)) return 'text_characters';
  return 'text_length';
}

function isErrorReason(value: unknown): value is ErrorReason {
  return (ERROR_REASONS as readonly unknown[]).includes(value);
}

function reasonOf(error: ValidationError, constraint: string): ErrorReason {
  if (constraint === NOT_IDENTIFYING) {
    const kind = notIdentifyingReason(error.value, error.contexts?.[NOT_IDENTIFYING]);
    if (isErrorReason(kind)) return kind;
  }
  // A constraint may name its reason's code in its context (the password rule does, one constraint per code).
  const named = (error.contexts?.[constraint] as { reason?: unknown } | undefined)?.reason;
  if (isErrorReason(named)) return named;
  if (constraint === 'isContractText') return contractTextReason(error.value);
  return REASON_BY_CONSTRAINT[constraint] ?? 'invalid';
}

function collectDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const detail: ErrorDetail = { field, message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message };
      details.push({ ...detail, reason: reasonOf(error, constraint) });
    }
    if (error.children?.length) details.push(...collectDetails(error.children, field));
  }
  return details;
}

/** DTO validation at the edge: unknown fields refused, every problem listed as `{ field, message }`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = collectDetails(errors);
      return new DetailedHttpException(
        HttpStatus.BAD_REQUEST,
        details.length ? details : [{ field: 'body', message: 'is invalid', reason: 'invalid' }],
      );
    },
  });
}
