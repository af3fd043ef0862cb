import { applyDecorators } from '@nestjs/common';
import { IsInt, Min, registerDecorator, ValidationOptions } from 'class-validator';
import { isPhoneNumber, PHONE_NUMBER_LIMITS } from '@samverkan/text';
import { isCalendarDate } from './calendar-dates';

// Days beyond these are a typing error, not a kit's expiry or an action's due date.
const CALENDAR_DATE_RANGE = { from: '2000-01-01', to: '2099-12-31' };

/** A calendar day written YYYY-MM-DD in this century; `example` shows the field's kind of date in the message. */
export function IsCalendarDate(example: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date written YYYY-MM-DD, such as ${example}`, ...options },
      validator: {
        validate: (value: unknown) => isCalendarDate(value) && value >= CALENDAR_DATE_RANGE.from && value <= CALENDAR_DATE_RANGE.to,
      },
    });
  };
}

/**
 * An organisation's public phone number, as `isPhoneNumber` (@samverkan/text) reads it. The refusal carries the
 * reason `not_a_phone_number`. The identity guard is not applied: this field exists to hold a phone number.
 */
export function IsPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPhoneNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          `${String(propertyName)} must be a phone number: digits in groups separated by one space or hyphen, ` +
          `optionally "+" and a country code first, ${PHONE_NUMBER_LIMITS.minDigits}–${PHONE_NUMBER_LIMITS.maxDigits} digits, ` +
          `at most ${PHONE_NUMBER_LIMITS.maxLength} characters (such as 040-628 04 42)`,
        context: { reason: 'not_a_phone_number' },
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isPhoneNumber(value) },
    });
  };
}

/** The version a change was based on (optimistic locking, see version-check.ts). The type check is reported first. */
export const IsVersion = () =>
  applyDecorators(IsInt({ message: 'version must be a whole number' }), Min(1, { message: 'version must be 1 or more' }));
