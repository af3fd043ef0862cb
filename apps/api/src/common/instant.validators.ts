import { registerDecorator, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

// Instants (ISO 8601 with an offset) in query strings and request bodies.

/**
 * An instant in ISO 8601 with an offset (`Z` or `+02:00`). A `+` in a query string arrives as a space
 * unless it was encoded as %2B, so a space where the offset's sign belongs is read as `+`.
 */
export function parseInstant(value: string): Date | null {
  const text = value.replace(/(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?) (\d{2}(:?\d{2})?)$/, '$1+$4');
  if (!/T\d{2}(:?\d{2}(:?\d{2}([.,]\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text)) return null;
  if (!offsetExists(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** Offsets on Earth run from -12:00 to +14:00; Luxon would take +99:00 (four days off) without a word. */
const MAX_OFFSET_MINUTES = 14 * 60;

function offsetExists(text: string): boolean {
  const offset = /([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!offset) return true; // Z
  const hours = Number(offset[2]);
  const minutes = Number(offset[3] ?? 0);
  return minutes <= 59 && hours * 60 + minutes <= MAX_OFFSET_MINUTES;
}

/** An optional query parameter already checked by `IsIsoInstant`; absent stays undefined. */
export function parseOptionalInstant(value: string | undefined): Date | undefined {
  return value ? parseInstant(value)! : undefined;
}

export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isIsoInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an ISO 8601 time with an offset, such as 2026-03-29T14:00:00+02:00`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length <= 64 && parseInstant(value) !== null },
    });
  };
}
