import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ErrorDetail } from '@samverkan/contracts';
import { DetailedHttpException } from './api-exception.filter';

function collectDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      details.push({ field, message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message });
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
