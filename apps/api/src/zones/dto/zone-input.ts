import { HttpStatus } from '@nestjs/common';
import { validateSchedule, validateZoneGeometry } from '@samverkan/geo';
import { DetailedHttpException } from '../../common/api-exception.filter';
import { geoShapeProblems, GeoShapesPipe } from '../../common/geo-input';
import { createValidationPipe } from '../../common/validation.pipe';
import type { ZoneInput } from '../zones.service';
import { CreateZoneDto } from './zones.dto';

/** The shared structure checks (also run by the web app) for the GeoJSON and schedule members of a zone body. */
export const ZONE_SHAPE_CHECKS = { geometry: validateZoneGeometry, schedule: validateSchedule };

export const zoneShapesPipe = () => new GeoShapesPipe(ZONE_SHAPE_CHECKS);

const validation = createValidationPipe();

/** A zone from an import, through exactly the checks `POST /api/zones` applies to its body. */
export async function toZoneInput(plain: Record<string, unknown>): Promise<ZoneInput> {
  const dto: CreateZoneDto = await validation.transform(plain, { type: 'body', metatype: CreateZoneDto });
  const details = geoShapeProblems(plain, ZONE_SHAPE_CHECKS);
  if (details.length > 0) throw new DetailedHttpException(HttpStatus.BAD_REQUEST, details);
  return dto;
}
