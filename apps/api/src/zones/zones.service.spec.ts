import type { HttpException } from '@nestjs/common';
import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { DataSource, EntityManager } from 'typeorm';
import type { ZoneGeometry, ZoneStatus } from '@samverkan/contracts';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DOMAIN_EVENTS, ZoneChangedEvent, ZoneSuspendedEvent, ZoneSuspensionEndedEvent } from '../common/domain-events';
import { refusalOf, strictFake } from '../common/spec-helpers';
import { Transaction, UnitOfWork } from '../database/transaction-events';
import type { ZoneApprovalEntity } from './entities/zone-approval.entity';
import type { ZoneVersionEntity } from './entities/zone-version.entity';
import type { GeometryMeasure, LockedZone, NewVersion, SiteForZone, ZoneFilter, ZoneRow, ZonesRepository } from './zones.repository';
import { ZoneTransferService } from './zone-transfer.service';
import { ZonesService } from './zones.service';
import type { ZoneCheckIndex } from './zone-check-index';

// The rules of ZonesService (who may change a zone, which state allows what, stale versions) against an
// in-memory store. The SQL itself (geometry measures, locks, the check) is covered by the e2e tests.

const SERVICE_ORG = 'org-service';
const OTHER_SERVICE_ORG = 'org-other-service';
const POLICE_ORG = 'org-police';
const SITE_ID = '00000000-0000-4000-8000-000000000001';
const DELETED_SITE_ID = '00000000-0000-4000-8000-000000000002';

function user(role: AuthUser['role'], options: { canSign?: boolean; organisationId?: string; id?: string } = {}): AuthUser {
  const organisationId = options.organisationId ?? (role === 'police' ? POLICE_ORG : role === 'service' ? SERVICE_ORG : 'org-coordination');
  return {
    id: options.id ?? `${role}-${options.canSign ? 'signatory' : 'staff'}-${organisationId}`,
    email: `${role}@example.org`,
    displayName: role,
    role,
    canSign: options.canSign ?? false,
    organisationId,
    disabled: false,
    mfaEnabled: false,
    mfaRequired: false,
    organisationKind: role === 'police' ? 'police' : role === 'service' ? 'service' : 'coordination',
    sessionId: 'session-1',
  };
}

const serviceStaff = user('service');
const serviceSignatory = user('service', { canSign: true });
const otherServiceSignatory = user('service', { canSign: true, organisationId: OTHER_SERVICE_ORG });
const policeOfficer = user('police');
const policeSignatory = user('police', { canSign: true });
const coordinator = user('coordinator');

const square: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [[[13.0, 55.6], [13.001, 55.6], [13.001, 55.601], [13.0, 55.601], [13.0, 55.6]]],
};
const goodMeasure: GeometryMeasure = { valid: true, reason: 'Valid Geometry', nearSite: true, nearIfSwapped: false, areaSquareMeters: 7000, farthestMeters: 150 };

interface StoredZone {
  id: string;
  siteId: string;
  status: ZoneStatus;
  currentVersion: number;
  agreedVersion: number | null;
  statusReason: string | null;
  suspendedByOrganisationId?: string | null;
  suspendedAt?: Date | null;
  suspendedUntil?: Date | null;
  suspendedVersion?: number | null;
}
interface StoredVersion {
  zoneId: string;
  version: number;
  name: string;
  geometry: ZoneGeometry;
  schedule: NewVersion['schedule'];
  validFrom: Date | null;
  validUntil: Date | null;
  notes: string | null;
  terms: NewVersion['terms'];
  reviewBy: string | null;
  agreedAt: Date | null;
}
type StoredApproval = Omit<ZoneApprovalEntity, 'id'>;

/** The tables the service writes, with a transaction that keeps nothing of a change that throws. */
class ZonesStore {
  sites: SiteForZone[] = [{ id: SITE_ID, organisationId: SERVICE_ORG, name: 'Sprututbytet' }];
  zones: StoredZone[] = [];
  versions: StoredVersion[] = [];
  approvals: StoredApproval[] = [];
  audit: AuditRecord[] = [];
  measure: GeometryMeasure = goodMeasure;

  private snapshot() {
    return structuredClone({ zones: this.zones, versions: this.versions, approvals: this.approvals, audit: this.audit });
  }

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const before = this.snapshot();
    try {
      return await work({} as EntityManager);
    } catch (error) {
      Object.assign(this, before);
      throw error;
    }
  }

  zone(id: string): StoredZone {
    return this.zones.find((zone) => zone.id === id)!;
  }

  /** A zone as earlier changes would have left it. */
  seedZone(options: { status: ZoneStatus; currentVersion?: number; agreedVersion?: number | null; id?: string }): string {
    const id = options.id ?? `zone-${this.zones.length + 1}`;
    const currentVersion = options.currentVersion ?? 1;
    this.zones.push({ id, siteId: SITE_ID, status: options.status, currentVersion, agreedVersion: options.agreedVersion ?? null, statusReason: null });
    for (let version = 1; version <= currentVersion; version++) {
      this.versions.push({
        zoneId: id,
        version,
        name: `Zone v${version}`,
        geometry: square,
        schedule: null,
        validFrom: null,
        validUntil: null,
        notes: null,
        terms: { clauses: [], text: '' },
        reviewBy: null,
        agreedAt: version === options.agreedVersion ? new Date() : null,
      });
    }
    return id;
  }

  row(id: string): ZoneRow {
    const zone = this.zone(id);
    const data = (version: number) => {
      const stored = this.versions.find((entry) => entry.zoneId === id && entry.version === version)!;
      const { name, geometry, schedule, validFrom, validUntil, notes, terms, reviewBy } = stored;
      return { version, name, geometry, schedule, validFrom, validUntil, notes, terms, reviewBy };
    };
    return {
      id,
      siteId: zone.siteId,
      organisationId: this.sites.find((site) => site.id === zone.siteId)!.organisationId,
      status: zone.status,
      version: zone.currentVersion,
      agreedVersion: zone.agreedVersion,
      statusReason: zone.statusReason,
      updatedAt: new Date('2026-12-01T10:00:00Z'),
      suspension:
        zone.status === 'suspended' && zone.suspendedAt && zone.suspendedByOrganisationId
          ? {
              byOrganisationId: zone.suspendedByOrganisationId,
              byOrganisationName: `Name of ${zone.suspendedByOrganisationId}`,
              since: zone.suspendedAt,
              reason: zone.statusReason ?? '',
              until: zone.suspendedUntil ?? null,
              version: zone.suspendedVersion ?? null,
            }
          : null,
      current: data(zone.currentVersion),
      agreed: zone.agreedVersion !== null && zone.agreedVersion !== zone.currentVersion ? data(zone.agreedVersion) : null,
      approvals: this.approvals
        .filter((approval) => approval.zoneId === id && approval.supersededAt === null)
        .filter((approval) => approval.version === zone.currentVersion || approval.version === zone.agreedVersion)
        .map(({ version, side, userId, organisationId, at }) => ({ version, side, userId, organisationId, at: at.toISOString() })),
    };
  }

  locked(id: string): LockedZone {
    const { siteId, status, currentVersion, agreedVersion } = this.zone(id);
    return { id, siteId, organisationId: this.sites.find((site) => site.id === siteId)!.organisationId, status, currentVersion, agreedVersion };
  }

  /** Only what ZonesService calls; anything else fails the test. */
  repository(): ZonesRepository {
    return strictFake<ZonesRepository>('ZonesRepository', {
      findSiteForZone: async (_: EntityManager, siteId: string) => this.sites.find((site) => site.id === siteId) ?? null,
      measureGeometry: async () => this.measure,
      insertZone: async (_: EntityManager, siteId: string) => {
        const id = `zone-${this.zones.length + 1}`;
        this.zones.push({ id, siteId, status: 'proposed', currentVersion: 1, agreedVersion: null, statusReason: null });
        return id;
      },
      insertVersion: async (_: EntityManager, input: NewVersion) => {
        const source = input.source;
        const geometry =
          source.kind === 'geojson'
            ? source.geometry
            : source.kind === 'previous'
              ? this.versions.find((entry) => entry.zoneId === input.zoneId && entry.version === source.version)!.geometry
              : square;
        const { zoneId, version, name, schedule, validFrom, validUntil, notes, terms, reviewBy } = input;
        this.versions.push({ zoneId, version, name, geometry, schedule, validFrom, validUntil, notes, terms, reviewBy, agreedAt: null });
      },
      updateZone: async (_: EntityManager, id: string, changes: Partial<StoredZone>) => {
        Object.assign(this.zone(id), changes);
      },
      startSuspension: async (_: EntityManager, id: string, suspension: { reason: string; byOrganisationId: string; until: Date | null; version: number }) => {
        Object.assign(this.zone(id), {
          status: 'suspended',
          agreedVersion: null,
          statusReason: suspension.reason,
          suspendedByOrganisationId: suspension.byOrganisationId,
          suspendedAt: new Date(),
          suspendedUntil: suspension.until,
          suspendedVersion: suspension.version,
        });
      },
      findVersion: async (_: EntityManager, zoneId: string, version: number) =>
        this.versions.find((entry) => entry.zoneId === zoneId && entry.version === version) as unknown as ZoneVersionEntity,
      markVersionAgreed: async (_: EntityManager, zoneId: string, version: number) => {
        this.versions.find((entry) => entry.zoneId === zoneId && entry.version === version)!.agreedAt = new Date();
      },
      standingApprovals: async (_: EntityManager, zoneId: string, version: number) =>
        this.approvals.filter((approval) => approval.zoneId === zoneId && approval.version === version && approval.supersededAt === null),
      insertApproval: async (_: EntityManager, approval: Pick<ZoneApprovalEntity, 'zoneId' | 'version' | 'side' | 'userId' | 'organisationId'>) => {
        const stored = { ...approval, at: new Date(), supersededAt: null };
        this.approvals.push(stored);
        return stored;
      },
      supersedeApprovals: async (_: EntityManager, zoneId: string) => {
        for (const approval of this.approvals) if (approval.zoneId === zoneId && approval.supersededAt === null) approval.supersededAt = new Date();
      },
      lockZone: async (_: EntityManager, id: string) => (this.zones.some((zone) => zone.id === id) ? this.locked(id) : null),
      lockOpenZonesOfSite: async (_: EntityManager, siteId: string) =>
        this.zones
          .filter((zone) => zone.siteId === siteId && zone.status !== 'withdrawn')
          .map((zone) => ({ ...this.locked(zone.id), name: this.row(zone.id).current.name })),
      findRows: async (filter: ZoneFilter) => (filter.ids ?? []).filter((id) => this.zones.some((zone) => zone.id === id)).map((id) => this.row(id)),
    });
  }
}

function setUp() {
  const store = new ZonesStore();
  const announced: ZoneChangedEvent[] = [];
  const suspended: ZoneSuspendedEvent[] = [];
  const ended: string[] = [];
  const dataSource = strictFake<DataSource>('DataSource', { transaction: (work: (manager: EntityManager) => Promise<unknown>) => store.transaction(work) });
  const audit = strictFake<AuditService>('AuditService', {
    record: async (_: EntityManager, record: AuditRecord) => {
      store.audit.push(record);
    },
  });
  const events = strictFake<EventEmitter2>('EventEmitter2', {
    emit: (name: string, event: ZoneChangedEvent | ZoneSuspendedEvent) => {
      if (name === DOMAIN_EVENTS.zoneSuspended) suspended.push(event as ZoneSuspendedEvent);
      else if (name === DOMAIN_EVENTS.zoneSuspensionEnded) ended.push((event as ZoneSuspensionEndedEvent).zone.properties.id);
      // Announced after the commit to the notices' listeners, which these tests do not look at.
      else if (name === DOMAIN_EVENTS.zoneProposed) return true;
      else {
        expect(name).toBe(DOMAIN_EVENTS.zoneChanged);
        announced.push(event as ZoneChangedEvent);
      }
      return true;
    },
  });
  // What follows a zone in its transaction (its channel) hears of it through `zone.changed` there.
  const inTransaction: { zoneId: string; name: string; organisationId: string }[] = [];
  const unitOfWork = new UnitOfWork(dataSource, events);
  unitOfWork.onInTransaction(DOMAIN_EVENTS.zoneChanged, async ({ zone, organisationId }) => {
    inTransaction.push({ zoneId: zone.properties.id, name: zone.properties.name, organisationId });
  });
  const repository = store.repository();
  // No check index: every check asks the (fake) repository, as the api does while its index is being built.
  const noIndex = { near: () => null } as unknown as ZoneCheckIndex;
  const service = new ZonesService(unitOfWork, repository, audit, new Clock(), noIndex);
  const transfer = new ZoneTransferService(repository, service);
  /** A transaction of the caller's (a site's), raising into the same unit of work. */
  const siteTransaction = (): Transaction => ({ manager: {} as EntityManager, raise: async () => [] });
  return { store, service, transfer, announced, suspended, ended, inTransaction, siteTransaction, actions: () => store.audit.map((record) => record.action) };
}

describe('ZonesService', () => {
  describe('create', () => {
    it('lets service staff propose a zone around their own site: version 1, proposed, audited and announced', async () => {
      const { service, store, announced, actions } = setUp();

      const zone = await service.create({ siteId: SITE_ID, name: 'Runt sprututbytet', radiusMeters: 100 }, serviceStaff);

      expect(zone.properties).toMatchObject({ status: 'proposed', version: 1, agreedVersion: null, inForce: false, approvals: [] });
      expect(store.zones).toHaveLength(1);
      expect(actions()).toEqual(['create']);
      expect(announced).toEqual([{ change: 'created', zone, organisationId: SERVICE_ORG, actorId: serviceStaff.id }]);
    });

    it("raises zone.changed in the change's transaction, with the site's organisation (for the zone's channel)", async () => {
      const { service, inTransaction } = setUp();
      const zone = await service.create({ siteId: SITE_ID, name: 'Runt sprututbytet', radiusMeters: 100 }, serviceStaff);
      expect(inTransaction).toEqual([{ zoneId: zone.id, name: 'Runt sprututbytet', organisationId: SERVICE_ORG }]);
    });

    it("refuses police users and another organisation's staff with 403, storing and announcing nothing", async () => {
      const { service, store, announced, inTransaction } = setUp();
      const other = user('service', { organisationId: OTHER_SERVICE_ORG });

      for (const who of [policeSignatory, other]) {
        expect((await refusalOf(service.create({ siteId: SITE_ID, name: 'Z', radiusMeters: 100 }, who))).status).toBe(403);
      }
      expect(store.zones).toEqual([]);
      expect(announced).toEqual([]);
      expect(inTransaction).toEqual([]);
    });

    it('lets a coordinator propose a zone for any organisation', async () => {
      const { service } = setUp();
      const zone = await service.create({ siteId: SITE_ID, name: 'Z', geometry: square }, coordinator);
      expect(zone.properties.status).toBe('proposed');
    });

    it('answers 400 naming siteId for a site that does not exist (or was deleted)', async () => {
      const { service } = setUp();
      const refusal = await refusalOf(service.create({ siteId: 'gone', name: 'Z', radiusMeters: 100 }, serviceStaff));
      expect(refusal).toMatchObject({ status: 400, fields: ['siteId'] });
    });

    it('asks for exactly one shape: neither or both is a 400 on geometry', async () => {
      const { service } = setUp();
      expect(await refusalOf(service.create({ siteId: SITE_ID, name: 'Z' }, serviceStaff))).toMatchObject({ status: 400, fields: ['geometry'] });
      expect(await refusalOf(service.create({ siteId: SITE_ID, name: 'Z', geometry: square, radiusMeters: 50 }, serviceStaff))).toMatchObject({
        status: 400,
        fields: ['geometry'],
      });
    });

    it('refuses an empty validity period (validUntil not after validFrom)', async () => {
      const { service } = setUp();
      const input = { siteId: SITE_ID, name: 'Z', radiusMeters: 100, validFrom: '2027-01-02T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' };
      expect(await refusalOf(service.create(input, serviceStaff))).toMatchObject({ status: 400, fields: ['validUntil'] });
    });

    it('refuses a shape that is invalid, too far from its site (hinting at swapped coordinates) or too large, and never repairs it', async () => {
      const { service, store } = setUp();
      const create = () => refusalOf(service.create({ siteId: SITE_ID, name: 'Z', geometry: square }, serviceStaff));

      store.measure = { ...goodMeasure, valid: false, reason: 'Self-intersection[13.0005 55.6005]', areaSquareMeters: null, farthestMeters: null };
      expect((await create()).message).toContain('Self-intersection[13.0005 55.6005]');

      store.measure = { ...goodMeasure, nearSite: false, nearIfSwapped: true, areaSquareMeters: null, farthestMeters: null };
      expect((await create()).message).toContain('are they swapped?');

      store.measure = { ...goodMeasure, areaSquareMeters: 6_000_000 };
      expect(await create()).toMatchObject({ status: 400, fields: ['geometry'], message: expect.stringContaining('6.00 km²') });

      expect(store.zones).toEqual([]);
    });
  });

  describe('update', () => {
    it('makes a new proposed version while the agreed one stays in force', async () => {
      const { service, store, announced } = setUp();
      const id = store.seedZone({ status: 'agreed', agreedVersion: 1 });

      const zone = await service.update(id, { version: 1, name: 'Större zon' }, serviceStaff);

      expect(zone.properties).toMatchObject({ status: 'proposed', version: 2, agreedVersion: 1, name: 'Större zon' });
      expect(zone.properties.agreed).toMatchObject({ version: 1, name: 'Zone v1' });
      // The shape was not changed: the new version takes the previous one's.
      expect(zone.geometry).toEqual(square);
      expect(announced.map((event) => event.change)).toEqual(['updated']);
    });

    it('answers 409 for a stale version and writes nothing', async () => {
      const { service, store, announced } = setUp();
      const id = store.seedZone({ status: 'proposed', currentVersion: 2 });

      const refusal = await refusalOf(service.update(id, { version: 1, name: 'Mitt namn' }, serviceStaff));

      expect(refusal).toMatchObject({ status: 409, message: 'The zone is at version 2, not 1: reload it and try again' });
      expect(store.versions).toHaveLength(2);
      expect(store.audit).toEqual([]);
      expect(announced).toEqual([]);
    });

    it('refuses police users (403) and changes to a withdrawn zone (409)', async () => {
      const { service, store } = setUp();
      const open = store.seedZone({ status: 'proposed' });
      const withdrawn = store.seedZone({ status: 'withdrawn' });

      expect((await refusalOf(service.update(open, { version: 1, name: 'X' }, policeSignatory))).status).toBe(403);
      expect((await refusalOf(service.update(withdrawn, { version: 1, name: 'X' }, serviceStaff))).status).toBe(409);
    });

    it('asks for at least one field besides version, and 404s an unknown zone', async () => {
      const { service } = setUp();
      expect(await refusalOf(service.update('zone-1', { version: 1 }, serviceStaff))).toMatchObject({ status: 400, fields: ['body'] });
      expect((await refusalOf(service.update('nope', { version: 1, name: 'X' }, serviceStaff))).status).toBe(404);
    });

    it('keeps a suspended zone out of force: the edit is a proposal with no agreed version', async () => {
      const { service, store } = setUp();
      const id = store.seedZone({ status: 'suspended', agreedVersion: null });

      const zone = await service.update(id, { version: 1, notes: 'Nya tider' }, serviceStaff);

      expect(zone.properties).toMatchObject({ status: 'proposed', version: 2, agreedVersion: null, inForce: false });
    });
  });

  describe('approve', () => {
    it('agrees a version once a police and a service signatory have both approved it', async () => {
      const { service, store, actions } = setUp();
      const id = store.seedZone({ status: 'proposed' });

      const halfway = await service.approve(id, 1, policeSignatory);
      expect(halfway.properties).toMatchObject({ status: 'proposed', agreedVersion: null, inForce: false });
      expect(halfway.properties.approvals.map((approval) => approval.side)).toEqual(['police']);

      const agreed = await service.approve(id, 1, serviceSignatory);
      expect(agreed.properties).toMatchObject({ status: 'agreed', agreedVersion: 1, inForce: true });
      expect(actions()).toEqual(['approve', 'approve', 'agree']);
    });

    it('moves the agreement to the new version only when both sides approve it', async () => {
      const { service, store } = setUp();
      const id = store.seedZone({ status: 'proposed', currentVersion: 2, agreedVersion: 1 });

      expect((await service.approve(id, 2, serviceSignatory)).properties).toMatchObject({ status: 'proposed', agreedVersion: 1, inForce: true });
      expect((await service.approve(id, 2, policeSignatory)).properties).toMatchObject({ status: 'agreed', agreedVersion: 2, agreed: null });
    });

    it('is only for signatories, a service one only for their own zones, and never for coordinators or admins', async () => {
      const { service, store } = setUp();
      const id = store.seedZone({ status: 'proposed' });

      for (const who of [policeOfficer, serviceStaff, otherServiceSignatory, user('coordinator', { canSign: true }), user('admin', { canSign: true })]) {
        expect((await refusalOf(service.approve(id, 1, who))).status).toBe(403);
      }
      expect(store.approvals).toEqual([]);
    });

    it('answers 409 for the same side approving twice, a stale version and a withdrawn zone', async () => {
      const { service, store } = setUp();
      const id = store.seedZone({ status: 'proposed', currentVersion: 2 });
      await service.approve(id, 2, policeSignatory);
      const anotherPoliceSignatory = user('police', { canSign: true, id: 'police-2' });

      expect(await refusalOf(service.approve(id, 2, anotherPoliceSignatory))).toMatchObject({
        status: 409,
        message: 'Version 2 is already approved for the police side',
      });
      expect(await refusalOf(service.approve(id, 1, serviceSignatory))).toMatchObject({ status: 409, message: expect.stringContaining('version 2, not 1') });
      const withdrawn = store.seedZone({ status: 'withdrawn' });
      expect((await refusalOf(service.approve(withdrawn, 1, policeSignatory))).status).toBe(409);
      expect(store.approvals).toHaveLength(1);
    });
  });

  describe('suspend', () => {
    it('lets a police signatory take an agreed zone out of force at once, voiding every approval', async () => {
      const { service, store } = setUp();
      const id = store.seedZone({ status: 'proposed' });
      await service.approve(id, 1, policeSignatory);
      await service.approve(id, 1, serviceSignatory);

      const zone = await service.suspend(id, { reason: 'Oro på platsen' }, policeSignatory);

      expect(zone.properties).toMatchObject({ status: 'suspended', agreedVersion: null, inForce: false, statusReason: 'Oro på platsen', approvals: [] });
      expect(zone.properties.suspension).toMatchObject({ byOrganisationId: POLICE_ORG, reason: 'Oro på platsen', until: null });
      // Reinstating needs both sides again: one approval of the same version is not enough.
      expect((await service.approve(id, 1, serviceSignatory)).properties).toMatchObject({ status: 'suspended', agreedVersion: null });
      expect((await service.approve(id, 1, policeSignatory)).properties).toMatchObject({ status: 'agreed', agreedVersion: 1 });
    });

    it('refuses officers who are not signatories and service signatories of another organisation', async () => {
      const { service, store } = setUp();
      const id = store.seedZone({ status: 'agreed', agreedVersion: 1 });

      for (const who of [policeOfficer, serviceStaff, otherServiceSignatory]) {
        expect((await refusalOf(service.suspend(id, { reason: 'r' }, who))).status).toBe(403);
      }
      expect(store.zone(id).status).toBe('agreed');
    });

    it('answers 409 for a zone that is already suspended, withdrawn, or has no agreed version', async () => {
      const { service, store } = setUp();
      for (const status of ['suspended', 'withdrawn', 'proposed'] as const) {
        const id = store.seedZone({ status, agreedVersion: null });
        expect((await refusalOf(service.suspend(id, { reason: 'r' }, policeSignatory))).status).toBe(409);
      }
    });

    it('takes an end time ahead, tells the messaging side once committed, and comes back into force after it', async () => {
      const { service, store, suspended } = setUp();
      const id = store.seedZone({ status: 'proposed' });
      await service.approve(id, 1, policeSignatory);
      await service.approve(id, 1, serviceSignatory);
      const until = new Date(Date.now() + 3 * 3600_000);

      const zone = await service.suspend(id, { reason: 'Insats', until: until.toISOString() }, serviceSignatory);

      expect(zone.properties).toMatchObject({ status: 'suspended', inForce: false });
      expect(Date.parse(zone.properties.nextInForceAt!)).toBe(until.getTime());
      expect(zone.properties.suspension).toMatchObject({ byOrganisationId: SERVICE_ORG, reason: 'Insats', until: until.toISOString() });
      // The alert goes to the police organisation that signed the agreement.
      expect(suspended).toEqual([{ zone, actor: serviceSignatory, alertOrganisationIds: [POLICE_ORG] }]);
      const later = await service.get(id, new Date(until.getTime() + 1000));
      expect(later.properties).toMatchObject({ status: 'suspended', inForce: true });
    });

    it('refuses an end time in the past or beyond the limit, with field and reason, changing nothing', async () => {
      const { service, store, suspended } = setUp();
      const id = store.seedZone({ status: 'agreed', agreedVersion: 1 });
      for (const [until, reason] of [
        [new Date(Date.now() - 60_000), 'not_in_future'],
        [new Date(Date.now() + 91 * 24 * 3600_000), 'too_far_ahead'],
      ] as const) {
        const refusal = await service.suspend(id, { reason: 'r', until: until.toISOString() }, policeSignatory).then(
          () => null,
          (error: HttpException) => error,
        );
        expect(refusal?.getStatus()).toBe(400);
        expect(refusal?.getResponse()).toMatchObject({ details: [{ field: 'until', message: expect.any(String), reason }] });
      }
      expect(store.zone(id).status).toBe('agreed');
      expect(suspended).toEqual([]);
    });
  });

  describe('withdraw', () => {
    it("is for the owning service's signatories and coordinators, not the police", async () => {
      const { service, store } = setUp();
      const id = store.seedZone({ status: 'agreed', agreedVersion: 1 });

      for (const who of [policeSignatory, serviceStaff, otherServiceSignatory]) {
        expect((await refusalOf(service.withdraw(id, 'r', who))).status).toBe(403);
      }
      const zone = await service.withdraw(id, 'Verksamheten flyttar', serviceSignatory);
      expect(zone.properties).toMatchObject({ status: 'withdrawn', agreedVersion: null, inForce: false });
      expect((await refusalOf(service.withdraw(id, 'igen', coordinator))).status).toBe(409);
    });
  });

  describe('closeZonesOfDeletedSite', () => {
    it('refuses while a zone of the site is under an agreement, changing nothing', async () => {
      const { service, store, siteTransaction } = setUp();
      const proposal = store.seedZone({ status: 'proposed' });
      store.seedZone({ status: 'agreed', agreedVersion: 1 });

      const refusal = await refusalOf(service.closeZonesOfDeletedSite(siteTransaction(), SITE_ID, coordinator.id));

      expect(refusal).toMatchObject({ status: 409, message: expect.stringContaining('"Zone v1"') });
      expect(store.zone(proposal).status).toBe('proposed');
    });

    it("withdraws the proposals, raising zone.changed in the site's transaction", async () => {
      const { service, store, announced, siteTransaction } = setUp();
      const proposal = store.seedZone({ status: 'proposed' });
      const raised: { event: string; status: string }[] = [];
      const transaction = siteTransaction();
      const raise: Transaction['raise'] = async (event, payload) => {
        raised.push({ event, status: (payload as ZoneChangedEvent).zone.properties.status });
        return [];
      };

      await service.closeZonesOfDeletedSite({ ...transaction, raise }, SITE_ID, coordinator.id);

      expect(store.zone(proposal)).toMatchObject({ status: 'withdrawn', statusReason: 'The site was deleted' });
      expect(raised).toEqual([{ event: DOMAIN_EVENTS.zoneChanged, status: 'withdrawn' }]);
      expect(announced).toEqual([]);
    });
  });

  describe('import', () => {
    it('refuses police users before reading the file', async () => {
      const { transfer } = setUp();
      expect((await refusalOf(transfer.import({ type: 'FeatureCollection', features: [] }, policeSignatory))).status).toBe(403);
    });

    it('creates the good features and reports the bad ones by index', async () => {
      const { transfer, store } = setUp();
      const feature = (properties: Record<string, unknown>) => ({ type: 'Feature', geometry: square, properties });

      const result = await transfer.import(
        { type: 'FeatureCollection', features: [feature({ siteId: SITE_ID, name: 'Bra' }), feature({ siteId: DELETED_SITE_ID, name: 'Fel plats' }), { type: 'Feature', geometry: null, properties: { siteId: SITE_ID } }] },
        serviceStaff,
      );

      expect(result.created.map((zone) => zone.properties.name)).toEqual(['Bra']);
      expect(result.errors).toEqual([
        { index: 1, message: 'siteId: names no site (it may have been deleted)' },
        { index: 2, message: expect.stringContaining('name') },
      ]);
      expect(store.zones).toHaveLength(1);
    });
  });
});
