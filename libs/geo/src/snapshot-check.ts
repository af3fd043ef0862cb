import type {
  SuspendedZoneSnapshotEntry,
  ZoneCheckResponse,
  ZoneSnapshot,
  ZoneSnapshotEntry,
  ZoneSummary,
  ZoneSuspension,
} from '@samverkan/contracts';
import type { ZoneTimeState } from './schedule';
import { ShapeIndex } from './shape-index';
import { zoneTimeState } from './zone-time-state';

// "Am I in a zone?" answered on the phone from the zone snapshot (GET /api/zones/snapshot), offline too, so
// that the position never leaves the phone. It answers as the api's check does (apps/api/src/zones/ zones.service
// check()): the boundary counts as inside (ST_Covers there, booleanPointInPolygon's default here), `nearby` lists
// the zones within the radius that do not contain the point, nearest first, and the times come from the same
// in-force rule (zoneTimeState). The snapshot holds the zones that are or may come in force and, apart, the
// suspended ones with their suspension, so a suspended zone is named as the api names it ("suspended, by whom,
// why, until when"). Zones never agreed and withdrawn zones are absent: neither is in force nor comes back.

/** Any zone of the snapshot, in force by agreement or suspended. */
export type AnySnapshotEntry = ZoneSnapshotEntry | SuspendedZoneSnapshotEntry;

/** Every zone of a snapshot; a copy kept before suspended zones were in it has none of them. */
export function snapshotEntries(snapshot: ZoneSnapshot): AnySnapshotEntry[] {
  return [...snapshot.zones, ...(snapshot.suspended ?? [])];
}

/**
 * When a snapshot zone is in force, by the rule the api runs: a zone of `zones` by its agreed version (the one
 * the entry describes); a suspended one not before its suspension's end, then by the version it held back.
 */
export function snapshotZoneTimeState(zone: AnySnapshotEntry, at: Date): ZoneTimeState {
  if (zone.status === 'suspended') {
    const suspension = zone.suspension;
    const held = suspension?.version != null;
    return zoneTimeState({ status: 'suspended', agreedVersion: null, suspension }, held ? zone : null, at);
  }
  return zoneTimeState(zone, zone, at);
}

/** The suspension as the check's `zoneSummary` carries it (without the version it holds back). */
function summarySuspension(zone: AnySnapshotEntry): ZoneSuspension | null {
  if (zone.status !== 'suspended' || !zone.suspension) return null;
  const { byOrganisationId, byOrganisationName, since, reason, until } = zone.suspension;
  return { byOrganisationId, byOrganisationName, since, reason, until };
}

/** Tenths of a metre, as the api rounds: enough to tell a point just outside from one on the boundary. */
const tenths = (meters: number) => Math.round(meters * 10) / 10;

/** A snapshot made ready for checks: its zones in a ShapeIndex. */
export class SnapshotIndex {
  private readonly shapes: ShapeIndex<AnySnapshotEntry>;

  constructor(readonly snapshot: ZoneSnapshot) {
    this.shapes = new ShapeIndex(snapshotEntries(snapshot), (zone) => zone.geometry);
  }

  /** The same answer as `GET /api/zones/check?lat&lng&at&radius`, worked out here. */
  check(position: { lat: number; lng: number }, radiusMeters: number, at: Date): ZoneCheckResponse {
    const found = this.shapes.near(position, radiusMeters).map(({ item: zone, inside, distanceMeters, edgeDistanceMeters }) => {
      const state = snapshotZoneTimeState(zone, at);
      const summary: ZoneSummary = {
        zoneId: zone.id,
        name: zone.name,
        siteId: zone.siteId,
        siteName: zone.siteName,
        inForce: state.inForce,
        until: state.until,
        nextInForceAt: state.nextInForceAt,
        distanceMeters: tenths(distanceMeters),
        suspension: summarySuspension(zone),
        edgeDistanceMeters: tenths(edgeDistanceMeters),
      };
      return { inside, summary };
    });
    found.sort(
      (a, b) =>
        a.summary.distanceMeters - b.summary.distanceMeters || a.summary.zoneId.localeCompare(b.summary.zoneId),
    );
    return {
      at: at.toISOString(),
      inside: found.filter((entry) => entry.inside).map((entry) => entry.summary),
      nearby: found.filter((entry) => !entry.inside).map((entry) => entry.summary),
    };
  }
}
