import type { AgreedZoneVersion, ZoneApproval, ZoneFeature, ZoneSummary, ZoneSuspension, ZoneVersionRecord } from '@samverkan/contracts';
import { zoneTimeState, type CompiledSchedule, type ZoneTimeState } from '@samverkan/geo';
import type { CheckRow, SuspensionData, VersionHistoryRow, ZoneRow, ZoneVersionData } from './zones.repository';

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function timingOf(version: ZoneVersionData) {
  return { schedule: version.schedule, validFrom: version.validFrom, validUntil: version.validUntil };
}

/**
 * The version in force by agreement: the agreed one while a newer one is proposed, else the current one once
 * agreed; for a suspended zone, the agreed version the suspension holds back (in force again after its end).
 */
export function agreedVersionData(row: ZoneRow): ZoneVersionData | null {
  if (row.agreedVersion === null && row.suspension?.version == null) return null;
  return row.agreed ?? row.current;
}

export function toSuspension(suspension: SuspensionData | null): ZoneSuspension | null {
  if (!suspension) return null;
  const { byOrganisationId, byOrganisationName, since, reason, until } = suspension;
  return { byOrganisationId, byOrganisationName, since: since.toISOString(), reason, until: isoOrNull(until) };
}

export function zoneState(row: ZoneRow, at: Date): ZoneTimeState {
  const agreed = agreedVersionData(row);
  return zoneTimeState(row, agreed ? timingOf(agreed) : null, at);
}

export function toZoneFeature(row: ZoneRow, at: Date): ZoneFeature {
  const state = zoneState(row, at);
  const approvalsOf = (version: number): ZoneApproval[] => row.approvals.filter((approval) => approval.version === version);
  // Only an agreed version in force beside a proposal; what a suspension holds back is not agreed now.
  const agreed: AgreedZoneVersion | null = row.agreed && row.agreedVersion !== null
    ? {
        version: row.agreed.version,
        name: row.agreed.name,
        geometry: row.agreed.geometry,
        schedule: row.agreed.schedule,
        validFrom: isoOrNull(row.agreed.validFrom),
        validUntil: isoOrNull(row.agreed.validUntil),
        approvals: approvalsOf(row.agreed.version),
        reviewBy: row.agreed.reviewBy,
        terms: row.agreed.terms,
      }
    : null;
  return {
    type: 'Feature',
    id: row.id,
    geometry: row.current.geometry,
    properties: {
      id: row.id,
      siteId: row.siteId,
      name: row.current.name,
      status: row.status,
      version: row.version,
      schedule: row.current.schedule,
      validFrom: isoOrNull(row.current.validFrom),
      validUntil: isoOrNull(row.current.validUntil),
      inForce: state.inForce,
      agreedVersion: row.agreedVersion,
      approvals: approvalsOf(row.version),
      notes: row.current.notes,
      updatedAt: row.updatedAt.toISOString(),
      until: state.until,
      nextInForceAt: state.nextInForceAt,
      organisationId: row.organisationId,
      statusReason: row.statusReason,
      agreed,
      suspension: toSuspension(row.suspension),
      reviewBy: row.current.reviewBy,
      terms: row.current.terms,
    },
  };
}

/** `compiled`: the row's schedule compiled (CompiledSchedules), kept by the caller across checks. */
export function toZoneSummary(row: CheckRow, at: Date, compiled?: CompiledSchedule): ZoneSummary {
  const { zone } = row;
  const timing = { schedule: zone.schedule, validFrom: zone.validFrom, validUntil: zone.validUntil, compiled };
  const held = zone.agreedVersion !== null || zone.suspension?.version != null;
  const state = zoneTimeState(zone, held ? timing : null, at);
  return {
    zoneId: zone.zoneId,
    name: zone.name,
    siteId: zone.siteId,
    siteName: zone.siteName,
    inForce: state.inForce,
    until: state.until,
    nextInForceAt: state.nextInForceAt,
    // Tenths of a metre: enough to tell a point just outside from one on the boundary.
    distanceMeters: row.inside ? 0 : Math.round(row.distanceMeters * 10) / 10,
    suspension: toSuspension(zone.suspension),
    // Extension: how far the zone's edge is, inside or out, to weigh against the position's accuracy.
    edgeDistanceMeters: Math.round(row.edgeDistanceMeters * 10) / 10,
    terms: zone.terms,
  };
}

export function toZoneVersionRecord(row: VersionHistoryRow): ZoneVersionRecord {
  return {
    version: row.version,
    name: row.name,
    geometry: row.geometry,
    radiusMeters: row.radiusMeters,
    schedule: row.schedule,
    validFrom: isoOrNull(row.validFrom),
    validUntil: isoOrNull(row.validUntil),
    notes: row.notes,
    reviewBy: row.reviewBy,
    terms: row.terms,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    agreedAt: isoOrNull(row.agreedAt),
    approvals: row.approvals,
  };
}
