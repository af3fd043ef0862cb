import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ErrorDetail } from '@samverkan/contracts';
import { DetailedHttpException } from './api-exception.filter';
import { NOT_IDENTIFYING, notIdentifyingReason } from './text.validators';

function collectDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const detail: ErrorDetail = { field, message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message };
      const reason =
        constraint === NOT_IDENTIFYING
          ? notIdentifyingReason(error.value, error.contexts?.[NOT_IDENTIFYING])
          : // A constraint may name its reason's code in its context (the password rule does, one constraint per code).
            (error.contexts?.[constraint] as { reason?: string } | undefined)?.reason;
      details.push(reason ? { ...detail, reason } : detail);
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
        details.length ? details : [{ field: 'body', message: 'is invalid' }],
      );
    },
  });
}
