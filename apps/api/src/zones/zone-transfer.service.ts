import { ForbiddenException, HttpException, Injectable } from '@nestjs/common';
import { canCreateSites, manageZonesProblem, ZONE_CLAUSES, type ExportFormat, type ZoneFeature, type ZoneImportResponse, type ZoneTerms } from '@samverkan/contracts';
import { describeSchedule, zoneTimeState } from '@samverkan/geo';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/api-exception.filter';
import { ExportFile, GEOJSON_CONTENT_TYPE, KML_CONTENT_TYPE, KmlPlacemark, kmlDocument } from '../common/kml';
import { toZoneInput } from './dto/zone-input';
import { ZonesRepository } from './zones.repository';
import { ZonesService } from './zones.service';

/** Zones in and out as files: the export of the zones in force, and the import of proposals. */
@Injectable()
export class ZoneTransferService {
  constructor(
    private readonly zones: ZonesRepository,
    private readonly zonesService: ZonesService,
  ) {}

  /** The zones in force at `at` (their agreed version), as RFC 7946 GeoJSON or KML 2.2. */
  async export(format: ExportFormat, at: Date): Promise<ExportFile> {
    const rows = await this.zones.findAgreedForExport(format);
    const inForce = rows
      .map((row) => ({ row, state: zoneTimeState(row, { schedule: row.schedule, validFrom: row.validFrom, validUntil: row.validUntil }, at) }))
      .filter(({ state }) => state.inForce);
    const stamp = at.toISOString().slice(0, 10);
    if (format === 'kml') {
      const placemarks: KmlPlacemark[] = inForce.map(({ row, state }) => ({
        id: `zone-${row.id}`,
        name: row.name,
        description: [
          `Plats: ${row.siteName}`,
          `Tider: ${describeSchedule(row.schedule, 'sv').join('; ')}`,
          `I kraft till: ${state.until ?? 'tills vidare'}`,
          ...termsLines(row.terms),
          ...(row.reviewBy ? [`Ses över senast: ${row.reviewBy}`] : []),
          ...(row.notes ? [row.notes] : []),
        ].join('\n'),
        data: {
          zoneId: row.id,
          siteId: row.siteId,
          siteName: row.siteName,
          agreedVersion: row.agreedVersion ?? row.suspension.version,
          until: state.until,
          reviewBy: row.reviewBy,
          clauses: row.terms.clauses.join(','),
        },
        geometryKml: row.geometry as string,
      }));
      return { contentType: KML_CONTENT_TYPE, filename: `samverkan-zones-${stamp}.kml`, body: kmlDocument(`Samverkan – zoner i kraft ${at.toISOString()}`, placemarks) };
    }
    const collection = {
      type: 'FeatureCollection',
      features: inForce.map(({ row, state }) => ({
        type: 'Feature',
        id: row.id,
        geometry: row.geometry,
        properties: {
          id: row.id,
          siteId: row.siteId,
          siteName: row.siteName,
          name: row.name,
          status: row.status,
          agreedVersion: row.agreedVersion ?? row.suspension.version,
          schedule: row.schedule,
          scheduleText: describeSchedule(row.schedule, 'sv'),
          validFrom: row.validFrom?.toISOString() ?? null,
          validUntil: row.validUntil?.toISOString() ?? null,
          notes: row.notes,
          reviewBy: row.reviewBy,
          terms: row.terms,
          inForce: true,
          until: state.until,
        },
      })),
    };
    return { contentType: GEOJSON_CONTENT_TYPE, filename: `samverkan-zones-${stamp}.geojson`, body: JSON.stringify(collection) };
  }

  /**
   * Imports a FeatureCollection as proposed zones. Each feature is created in its own transaction, so a bad
   * one never blocks the good ones and never leaves half a zone behind.
   */
  async import(collection: unknown, user: AuthUser): Promise<ZoneImportResponse> {
    if (!canCreateSites(user)) throw new ForbiddenException(manageZonesProblem(user, user.organisationId)!);
    const features = readFeatureCollection(collection);
    const created: ZoneFeature[] = [];
    const errors: { index: number; message: string }[] = [];
    for (const [index, feature] of features.entries()) {
      try {
        created.push(await this.zonesService.create(await toZoneInput(zoneInputFromFeature(feature)), user));
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        errors.push({ index, message: messageOf(error) });
      }
    }
    return { created, errors };
  }
}

export function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: string | string[] }).message;
  return Array.isArray(message) ? message[0] : (message ?? error.message);
}

/** At most this many features per import: each is its own transaction. */
export const MAX_IMPORT_FEATURES = 500;

function readFeatureCollection(collection: unknown): unknown[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(collection) || collection.type !== 'FeatureCollection') {
    throw badRequest('type', 'the body must be a GeoJSON FeatureCollection');
  }
  if (!Array.isArray(collection.features)) throw badRequest('features', 'must be an array of Features');
  if (collection.features.length === 0) throw badRequest('features', 'holds no Feature');
  if (collection.features.length > MAX_IMPORT_FEATURES) {
    throw badRequest('features', `holds ${collection.features.length} Features; at most ${MAX_IMPORT_FEATURES} per import`, 'out_of_range');
  }
  return collection.features;
}

/** The fields of a zone from an imported Feature. Other properties (an id, a status from an export) are ignored. */
function zoneInputFromFeature(feature: unknown): Record<string, unknown> {
  if (typeof feature !== 'object' || feature === null || (feature as { type?: unknown }).type !== 'Feature') {
    throw badRequest('feature', 'is not a GeoJSON Feature');
  }
  const { geometry, properties } = feature as { geometry?: unknown; properties?: unknown };
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw badRequest('properties', 'must be an object with at least siteId and name');
  }
  const picked: Record<string, unknown> = {};
  for (const key of ['siteId', 'name', 'radiusMeters', 'schedule', 'validFrom', 'validUntil', 'notes', 'reviewBy', 'terms']) {
    const value = (properties as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  if (geometry !== null && geometry !== undefined) picked.geometry = geometry;
  return picked;
}

/** The terms for a KML description: each chosen clause in Swedish, then the free text. */
function termsLines(terms: ZoneTerms): string[] {
  const clauses = terms.clauses.map((key) => ZONE_CLAUSES.find((clause) => clause.key === key)?.sv ?? key);
  return [...clauses, ...(terms.text ? [terms.text] : [])];
}
