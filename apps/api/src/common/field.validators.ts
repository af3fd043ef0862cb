import { applyDecorators } from '@nestjs/common';
import { IsInt, Min, registerDecorator, ValidationOptions } from 'class-validator';
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

/** The version a change was based on (optimistic locking, see version-check.ts). The type check is reported first. */
export const IsVersion = () =>
  applyDecorators(IsInt({ message: 'version must be a whole number' }), Min(1, { message: 'version must be 1 or more' }));
