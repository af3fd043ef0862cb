import { HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import type { ErrorDetail } from '@samverkan/contracts';
import { DetailedHttpException } from './api-exception.filter';

/** A structure check from @samverkan/geo: problems as `{ field, message }` with the message starting with its field. */
export type GeoShapeCheck = (input: unknown, field: string) => ErrorDetail[];

/**
 * Runs the shared structure checks on the members of `input` that are present (undefined means "not
 * given"), with each field path under `prefix`. The details come back in the API's form: the field,
 * and the reason without the field repeated in front of it.
 */
export function geoShapeProblems(input: Record<string, unknown>, checks: Record<string, GeoShapeCheck>, prefix = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const [key, check] of Object.entries(checks)) {
    if (input[key] === undefined) continue;
    for (const detail of check(input[key], `${prefix}${key}`)) {
      const lead = `${detail.field}: `;
      details.push({ field: detail.field, message: detail.message.startsWith(lead) ? detail.message.slice(lead.length) : detail.message });
    }
  }
  return details;
}

/**
 * Checks GeoJSON and schedule members of a request body with the shared validators of @samverkan/geo (the
 * web app runs the same ones before sending). It runs after the DTO's own validation, so the response
 * names the exact position that is wrong (`geometry.coordinates[0][3]`), which a class-validator
 * constraint cannot.
 */
@Injectable()
export class GeoShapesPipe implements PipeTransform {
  constructor(private readonly checks: Record<string, GeoShapeCheck>) {}

  transform<T>(body: T): T {
    if (typeof body !== 'object' || body === null) return body;
    const details = geoShapeProblems(body as Record<string, unknown>, this.checks);
    if (details.length > 0) throw new DetailedHttpException(HttpStatus.BAD_REQUEST, details);
    return body;
  }
}

/** Metres per degree of latitude, at its smallest (at the equator): dividing by it never gives too small a margin. */
const MIN_METRES_PER_DEGREE_LATITUDE = 110_574;
/** Metres per degree of longitude on the equator; it shrinks with the cosine of the latitude. */
const METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111_320;
/** Below 180 so that a box never reaches round the whole globe. */
const MAX_LONGITUDE_MARGIN = 170;

/**
 * Degrees of longitude and latitude that are at least `metres` away from a point at `latitude` in any
 * direction, with 10 % to spare: a bounding box widened by them holds everything within `metres`, so
 * `geom && ST_Expand(point, dLng, dLat)` can use the GiST index before the exact geography test.
 */
export function degreeMargins(latitude: number, metres: number): { dLng: number; dLat: number } {
  const spare = 1.1;
  const dLat = (metres * spare) / MIN_METRES_PER_DEGREE_LATITUDE;
  // Longitude degrees shrink towards the poles: use the latitude in the box nearest a pole.
  const farthestLatitude = Math.min(90, Math.abs(latitude) + dLat);
  const cos = Math.cos((farthestLatitude * Math.PI) / 180);
  const dLng = cos <= 1e-9 ? MAX_LONGITUDE_MARGIN : Math.min(MAX_LONGITUDE_MARGIN, (metres * spare) / (METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * cos));
  return { dLng, dLat };
}
