import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

// Query-string parameters for the map endpoints. Messages never echo the value: for the zone check the
// value is someone's position, which is never stored or logged.

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number, or NaN for anything else ("", "0x10", "Infinity", arrays from repeated parameters). */
export function parseDecimal(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !DECIMAL.test(value)) return Number.NaN;
  return Number(value);
}

/** Turns a query parameter into a number (NaN when it is not a plain decimal); validators then check it. */
export const ToDecimal = () => Transform(({ value }) => (value === undefined ? undefined : parseDecimal(value)));

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

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** `minLng,minLat,maxLng,maxLat` in degrees; a reason when it is not one. */
export function bboxProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be given once, as minLng,minLat,maxLng,maxLat';
  const parts = value.split(',').map(parseDecimal);
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part))) return 'must be four numbers minLng,minLat,maxLng,maxLat';
  const [minLng, minLat, maxLng, maxLat] = parts;
  if ([minLng, maxLng].some((lng) => lng < -180 || lng > 180)) return 'longitudes must be within [-180, 180]';
  if ([minLat, maxLat].some((lat) => lat < -90 || lat > 90)) return 'latitudes must be within [-90, 90]';
  if (minLng > maxLng || minLat > maxLat) return 'the minimum must not exceed the maximum (minLng,minLat,maxLng,maxLat)';
  return null;
}

export function parseBbox(value: string): Bbox {
  return value.split(',').map(parseDecimal) as Bbox;
}

export function IsBbox(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    let reason = '';
    registerDecorator({
      name: 'isBbox',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => {
          reason = bboxProblem(value) ?? '';
          return reason === '';
        },
        defaultMessage: () => `${String(propertyName)} ${reason}`,
      },
    });
  };
}

/** A comma-separated list of allowed words (`type=naloxone,outreach`); repeated parameters are joined. */
export function parseWordList(value: unknown): string[] {
  const joined = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  return joined.split(',').filter((word) => word !== '');
}

export function IsWordList(allowed: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isWordList',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be one or more of ${allowed.join(', ')}, separated by commas`, ...options },
      validator: {
        validate: (value: unknown) => {
          const words = parseWordList(value);
          return words.length > 0 && words.every((word) => allowed.includes(word));
        },
      },
    });
  };
}
