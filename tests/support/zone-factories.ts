import { randomInt } from 'node:crypto';
import type { Organisation, Point, Polygon, SiteFeature, SiteType, ZoneFeature } from '@samverkan/contracts';
import { Factory, unique } from './factories';
import type { ApiClient } from './http';

export type SignedInClient = Awaited<ReturnType<Factory['user']>>;

const METRES_PER_DEGREE = 111_320;

/**
 * A position of its own for each test: spread over a wide stretch of inland Sweden, far from the demo
 * data in Malmö and (almost surely) more than a few kilometres from every other test's sites, since all
 * e2e files share one database.
 */
export function uniqueSpot(): [lng: number, lat: number] {
  return [14 + randomInt(0, 1_000_000) / 100_000, 58 + randomInt(0, 1_000_000) / 100_000];
}

/** The position `east` and `north` metres from [lng, lat]. */
export function offset([lng, lat]: [number, number], east: number, north: number): [number, number] {
  return [lng + east / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180)), lat + north / METRES_PER_DEGREE];
}

/** A square centred on a position, counter-clockwise, `half` metres from the centre to each side. */
export function squareAround(centre: [number, number], half: number): Polygon {
  const corners = [offset(centre, -half, -half), offset(centre, half, -half), offset(centre, half, half), offset(centre, -half, half)];
  return { type: 'Polygon', coordinates: [[...corners, corners[0]]] };
}

export function point([lng, lat]: [number, number]): Point {
  return { type: 'Point', coordinates: [lng, lat] };
}

/** A service organisation with the people who work with it, and the police and coordination around it. */
export interface MapTeam {
  organisation: Organisation;
  /** Service staff of the organisation, not a signatory. */
  staff: SignedInClient;
  /** A service signatory of the organisation. */
  signatory: SignedInClient;
  police: SignedInClient;
  policeSignatory: SignedInClient;
  coordinator: SignedInClient;
}

/** Sites and zones through the public API, on top of the people factory. */
export class MapFactory {
  constructor(readonly people: Factory) {}

  static async create(baseUrl: string): Promise<MapFactory> {
    return new MapFactory(await Factory.create(baseUrl));
  }

  async team(): Promise<MapTeam> {
    const organisation = await this.people.organisation('service');
    const [staff, signatory, police, policeSignatory, coordinator] = await Promise.all([
      this.people.user({ role: 'service', organisationId: organisation.id }),
      this.people.user({ role: 'service', canSign: true, organisationId: organisation.id }),
      this.people.user({ role: 'police' }),
      this.people.user({ role: 'police', canSign: true }),
      this.people.user({ role: 'coordinator' }),
    ]);
    return { organisation, staff, signatory, police, policeSignatory, coordinator };
  }

  /** A site; `body` adds to the request or overrides it (opening hours, a schedule). */
  async site(
    by: ApiClient,
    options: { at?: [number, number]; name?: string; type?: SiteType; organisationId?: string; body?: Record<string, unknown> } = {},
  ): Promise<SiteFeature> {
    const response = await by.post('/api/sites', {
      name: options.name ?? unique('Testplats'),
      type: options.type ?? 'needle_exchange',
      location: point(options.at ?? uniqueSpot()),
      ...(options.organisationId ? { organisationId: options.organisationId } : {}),
      ...options.body,
    });
    if (response.status !== 201) throw new Error(`Creating a site failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** A proposed zone around a site: a 200 m square unless a geometry or radius is given. */
  async zone(by: ApiClient, site: SiteFeature, body: Record<string, unknown> = {}): Promise<ZoneFeature> {
    const centre = site.geometry.coordinates as [number, number];
    const shape = body.geometry !== undefined || body.radiusMeters !== undefined ? {} : { geometry: squareAround(centre, 100) };
    const response = await by.post('/api/zones', { siteId: site.id, name: unique('Testzon'), ...shape, ...body });
    if (response.status !== 201) throw new Error(`Creating a zone failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Both sides approve the zone's current version. */
  async agree(team: MapTeam, zone: ZoneFeature): Promise<ZoneFeature> {
    const version = zone.properties.version;
    const first = await team.policeSignatory.post(`/api/zones/${zone.id}/approve`, { version });
    if (first.status !== 200) throw new Error(`Police approval failed: ${first.status} ${JSON.stringify(first.body)}`);
    const second = await team.signatory.post(`/api/zones/${zone.id}/approve`, { version });
    if (second.status !== 200) throw new Error(`Service approval failed: ${second.status} ${JSON.stringify(second.body)}`);
    return second.body;
  }

  /** A site of the team's organisation with an agreed zone around it. */
  async agreedZone(team: MapTeam, body: Record<string, unknown> = {}): Promise<{ site: SiteFeature; zone: ZoneFeature }> {
    const site = await this.site(team.staff);
    const zone = await this.agree(team, await this.zone(team.staff, site, body));
    return { site, zone };
  }
}
