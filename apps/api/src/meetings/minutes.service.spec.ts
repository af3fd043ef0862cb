import type { EntityManager } from 'typeorm';
import type { ActionItem, AgendaItem, Decision, Meeting, Organisation, User } from '@samverkan/contracts';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import { strictFake } from '../common/spec-helpers';
import type { PeopleService } from '../people/people.service';
import type { ReportsService } from '../reports/reports.service';
import type { SitesService } from '../sites/sites.service';
import type { ZonesService } from '../zones/zones.service';
import type { MeetingsRepository } from './meetings.repository';
import type { KnownMeeting, MeetingsService } from './meetings.service';
import { MinutesService } from './minutes.service';

// The minutes name what the meeting refers to by asking the modules that own it: people (organisations, action
// owners), sites, zones and reports. Those are fakes here that record what they were asked.

const item = (id: string, links: Partial<AgendaItem>): AgendaItem =>
  ({ id, title: `Punkt ${id}`, siteId: null, zoneId: null, reportId: null, minutes: '', position: 1, version: 1, ...links }) as AgendaItem;

const MEETING = {
  id: 'meeting-1',
  title: 'Samverkansmöte',
  startsAt: '2026-12-10T13:00:00.000Z',
  place: null,
  series: null,
  organisationIds: ['org-police', 'org-service'],
  agenda: [item('i1', { siteId: 'site-1', reportId: 'report-1' }), item('i2', { siteId: 'site-1', zoneId: 'zone-1' })],
  decisions: [{ id: 'd1', text: 'Beslut', agendaItemId: null, zoneId: 'zone-2', zoneVersion: 3 } as Decision],
  actions: [
    { id: 'a1', title: 'Ring', ownerId: 'user-1', dueDate: '2026-12-20', status: 'open', agendaItemId: null } as ActionItem,
    { id: 'a2', title: 'Skriv', ownerId: 'user-1', dueDate: '2026-12-21', status: 'open', agendaItemId: null } as ActionItem,
  ],
} as unknown as Meeting;

function world() {
  const asked: Record<string, unknown[]> = {};
  const ask = (what: string, ids: unknown) => (asked[what] = [...(asked[what] ?? []), ids]);
  const audit: AuditRecord[] = [];
  const meetings = strictFake<MeetingsService>('MeetingsService', {
    requireVisible: async () => ({ id: MEETING.id }) as KnownMeeting,
    toDto: async () => MEETING,
  });
  const repository = strictFake<MeetingsRepository>('MeetingsRepository', {
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work({} as EntityManager),
  });
  const reports = strictFake<ReportsService>('ReportsService', {
    markDiscussed: async () => [],
    reportFacts: async (ids: string[]) => {
      ask('reports', ids);
      return new Map(ids.map((id) => [id, { category: 'overdose' as const, occurredAt: new Date('2026-12-01T20:00:00Z') }]));
    },
  });
  const people = strictFake<PeopleService>('PeopleService', {
    organisationsByIds: async (ids: string[]) => {
      ask('organisations', ids);
      return [
        { id: 'org-police', name: 'Polisen Malmö', kind: 'police' },
        { id: 'org-service', name: 'Sprututbytet', kind: 'service' },
      ] as Organisation[];
    },
    usersByIds: async (ids: string[]) => {
      ask('users', ids);
      return [{ id: 'user-1', displayName: 'Anna Andersson' } as User];
    },
  });
  const sites = strictFake<SitesService>('SitesService', {
    siteNames: async (ids: string[]) => {
      ask('sites', ids);
      return new Map([['site-1', 'Mottagningen Södervärn']]);
    },
  });
  const zones = strictFake<ZonesService>('ZonesService', {
    zoneNames: async (ids: string[]) => {
      ask('zones', ids);
      return new Map([
        ['zone-1', 'Runt mottagningen'],
        ['zone-2', 'Parken'],
      ]);
    },
  });
  const minutes = new MinutesService(
    meetings,
    repository,
    reports,
    strictFake<AuditService>('AuditService', {
      record: async (_: EntityManager, record: AuditRecord) => {
        audit.push(record);
      },
    }),
    strictFake<Clock>('Clock', { now: () => new Date('2026-12-10T15:00:00Z') }),
    people,
    sites,
    zones,
  );
  return { minutes, asked, audit };
}

describe('MinutesService', () => {
  it('asks each owning module once, for the ids the meeting names (each id once)', async () => {
    const { minutes, asked } = world();
    await minutes.export(MEETING.id, 'md', 'sv', { id: 'user-1' } as AuthUser);
    expect(asked).toEqual({
      organisations: [['org-police', 'org-service']],
      users: [['user-1']],
      sites: [['site-1']],
      zones: [['zone-1', 'zone-2']],
      reports: [['report-1']],
    });
  });

  it('writes the names the owners answered into the minutes', async () => {
    const { minutes, audit } = world();
    const file = await minutes.export(MEETING.id, 'md', 'sv', { id: 'user-1' } as AuthUser);
    for (const name of ['Polisen Malmö', 'Sprututbytet', 'Anna Andersson', 'Mottagningen Södervärn', 'Runt mottagningen', 'Parken']) {
      expect(file.body).toContain(name);
    }
    expect(audit.map((record) => record.action)).toEqual(['minutes-export']);
  });
});
