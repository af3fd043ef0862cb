import { HttpStatus } from '@nestjs/common';
import type { Schedule, ZoneGeometry, ZoneTerms } from '@samverkan/contracts';
import { validateSchedule, validateZoneGeometry } from '@samverkan/geo';
import { DetailedHttpException } from '../../common/api-exception.filter';
import { geoShapeProblems, GeoShapesPipe } from '../../common/geo-input';
import { createValidationPipe } from '../../common/validation.pipe';
import { CreateZoneDto } from './zones.dto';

/** A zone as the service takes it, whoever sent it (a request body, an import's feature, the demo data). */
export interface ZoneInput {
  siteId: string;
  name: string;
  geometry?: ZoneGeometry;
  radiusMeters?: number | null;
  schedule?: Schedule | null;
  validFrom?: string | null;
  validUntil?: string | null;
  notes?: string | null;
  reviewBy?: string | null;
  terms?: ZoneTerms;
  /** Extension: the proposer approves the new version for their side in the same transaction. */
  approve?: boolean;
}

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
