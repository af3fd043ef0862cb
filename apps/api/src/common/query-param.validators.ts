import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';

// Query-string parameters: decimals, bounding boxes and comma-separated word lists (times: instant.validators.ts).
// Messages never echo the value: for the zone check the value is someone's position, which is never stored or logged.

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal number, or NaN for anything else ("", "0x10", "Infinity", arrays from repeated parameters). */
export function parseDecimal(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !DECIMAL.test(value)) return Number.NaN;
  return Number(value);
}

/** Turns a query parameter into a number (NaN when it is not a plain decimal); validators then check it. */
export const ToDecimal = () => Transform(({ value }) => (value === undefined ? undefined : parseDecimal(value)));

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
