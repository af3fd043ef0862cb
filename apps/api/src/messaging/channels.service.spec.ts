import { NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import type { Role, User } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { refusalOf, strictFake } from '../common/spec-helpers';
import type { PeopleService } from '../people/people.service';
import type { ChannelsRepository, OwnedChannelChange } from './channels.repository';
import { ChannelsService } from './channels.service';
import { type ChannelChangedEvent, MESSAGING_EVENTS } from './messaging.events';
import type { ChannelAccessRow, ChannelRow } from './messaging.rows';

// The channel service's rules (who opens which channel, what a direct channel may be, when a change is announced)
// against an in-memory channel table. Who sees which channel is SQL (CAN_SEE_CHANNEL), covered end to end; the
// fake's `hidden` set stands in for its answer.

const user = (id: string, role: Role, organisationId = `org-${role}`): AuthUser =>
  ({ id, role, organisationId, organisationKind: role === 'police' ? 'police' : 'service', canSign: false, displayName: `Name ${id}` }) as AuthUser;

const officer = user('officer', 'police');
const worker = user('worker', 'service');
const coordinator = user('coordinator', 'coordinator');

/** The transaction a change runs in: the one the service opens, or the caller's (a site's, a zone's, a meeting's). */
const transactionManager = strictFake<EntityManager>('manager', {});

/** The channels and organisations tables, through the repository methods the service uses. */
class ChannelTables {
  readonly channels = new Map<string, ChannelAccessRow>();
  readonly hidden = new Set<string>();
  readonly organisations = new Set(['org-police', 'org-service', 'org-other']);
  readonly people = new Map<string, User>();
  readonly emitted: ChannelChangedEvent[] = [];
  upserts = 0;
  transactions = 0;
  failWith: Error | null = null;

  addChannel(values: Partial<ChannelAccessRow> & Pick<ChannelAccessRow, 'id' | 'kind'>): ChannelAccessRow {
    const row: ChannelAccessRow = {
      name: values.id,
      ref_id: null,
      last_seq: 0,
      archived: false,
      escalation_policy_id: null,
      organisation_id: null,
      direct_user_low: null,
      direct_user_high: null,
      organisation_ids: [],
      ...values,
    };
    this.channels.set(row.id, row);
    return row;
  }

  private byRef(kind: string, refId: string): ChannelAccessRow | undefined {
    return [...this.channels.values()].find((channel) => channel.kind === kind && channel.ref_id === refId);
  }

  private fail(): void {
    if (this.failWith) throw this.failWith;
  }

  readonly repository = strictFake<ChannelsRepository>('channels', {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>) => {
      this.transactions += 1;
      return work(transactionManager);
    },
    findVisible: async (_viewer: AuthUser, channelId: string): Promise<ChannelRow | null> => {
      const channel = this.channels.get(channelId);
      return channel && !this.hidden.has(channelId) ? { ...channel, unread: 0 } : null;
    },
    findVisibleMeetingChannel: async (_viewer: AuthUser, meetingId: string): Promise<ChannelRow | null> => {
      const channel = this.byRef('meeting', meetingId);
      return channel && !this.hidden.has(channel.id) ? { ...channel, unread: 0 } : null;
    },
    findAccess: async (channelId: string) => this.channels.get(channelId) ?? null,
    existingOrganisationIds: async (ids: string[], manager: EntityManager) => {
      expect(manager).toBe(transactionManager);
      return ids.filter((id) => this.organisations.has(id));
    },
    findOrCreateDirect: async (userA: string, userB: string, name: string) => {
      const [low, high] = userA < userB ? [userA, userB] : [userB, userA];
      const existing = [...this.channels.values()].find(
        (channel) => channel.kind === 'direct' && channel.direct_user_low === low && channel.direct_user_high === high,
      );
      if (existing) return { channelId: existing.id, created: false };
      const created = this.addChannel({ id: `direct-${low}-${high}`, kind: 'direct', name, direct_user_low: low, direct_user_high: high });
      return { channelId: created.id, created: true };
    },
    upsertMeeting: async (manager: EntityManager, meetingId: string, name: string | null, organisationIds: string[] | null): Promise<OwnedChannelChange> => {
      expect(manager).toBe(transactionManager);
      this.upserts += 1;
      const previous = this.byRef('meeting', meetingId) ?? null;
      const channel = this.addChannel({
        ...(previous ?? { id: `meeting-${meetingId}`, kind: 'meeting', ref_id: meetingId, name: name ?? 'Möte' }),
        ...(name !== null ? { name } : {}),
        ...(organisationIds ? { organisation_ids: organisationIds } : {}),
      });
      return { channel: { ...channel }, previous: previous && { ...previous } };
    },
    upsertOwned: async (manager: EntityManager, kind: 'site' | 'zone', refId: string, name: string, organisationId: string): Promise<OwnedChannelChange | null> => {
      expect(manager).toBe(transactionManager);
      this.fail();
      const previous = this.byRef(kind, refId) ?? null;
      if (previous && previous.name === name && previous.organisation_id === organisationId) return null;
      const channel = this.addChannel({ ...(previous ?? { id: `${kind}-${refId}`, kind, ref_id: refId }), name, organisation_id: organisationId });
      return { channel: { ...channel }, previous: previous && { ...previous } };
    },
    archiveOwned: async (manager: EntityManager, kind: 'site' | 'zone', refId: string) => {
      expect(manager).toBe(transactionManager);
      this.fail();
      const channel = this.byRef(kind, refId);
      if (!channel || channel.archived) return null;
      channel.archived = true;
      return { ...channel };
    },
  });

  service(): ChannelsService {
    const people = strictFake<PeopleService>('people', {
      getUser: async (id: string) => {
        this.fail();
        const found = this.people.get(id);
        if (!found) throw new NotFoundException(`No user with id ${id}`);
        return found;
      },
    });
    const events = strictFake<EventEmitter2>('events', {
      emit: (name: string, event: ChannelChangedEvent) => {
        expect(name).toBe(MESSAGING_EVENTS.channelChanged);
        this.emitted.push(event);
        return true;
      },
    });
    return new ChannelsService(this.repository, people, events);
  }
}

describe('ChannelsService', () => {
  let tables: ChannelTables;
  let service: ChannelsService;

  beforeEach(() => {
    tables = new ChannelTables();
    tables.people.set('officer', { ...officer, disabled: false });
    tables.people.set('worker', { ...worker, disabled: false });
    tables.people.set('gone', { ...user('gone', 'service'), disabled: true });
    service = tables.service();
  });

  it('answers 404 for a channel the viewer may not see, the same as for none', async () => {
    tables.addChannel({ id: 'site-x', kind: 'site' });
    tables.hidden.add('site-x');
    const hidden = await refusalOf(service.get(worker, 'site-x'));
    const unknown = await refusalOf(service.get(worker, 'no-such-channel'));
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.message).toBe('No channel with id site-x');
  });

  describe('direct channels', () => {
    it('opens one between two people and announces it with the name each of them sees', async () => {
      const { channel, created } = await service.create(worker, { kind: 'direct', userId: 'officer' });
      expect(created).toBe(true);
      expect(channel).toMatchObject({ kind: 'direct', name: 'Name worker – Name officer' });
      expect(tables.emitted).toHaveLength(1);
      expect(tables.emitted[0]).toMatchObject({ previous: null, namesFor: { worker: 'Name officer', officer: 'Name worker' } });
    });

    it('answers the existing channel, from either side, without announcing it again', async () => {
      const first = await service.create(worker, { kind: 'direct', userId: 'officer' });
      const again = await service.create(officer, { kind: 'direct', userId: 'worker' });
      expect(again).toEqual({ channel: first.channel, created: false });
      expect(tables.emitted).toHaveLength(1);
    });

    it.each([
      ['with oneself', { kind: 'direct' as const, userId: 'worker' }, 'userId'],
      ['with an unknown user', { kind: 'direct' as const, userId: 'nobody' }, 'userId'],
      ['with a disabled user', { kind: 'direct' as const, userId: 'gone' }, 'userId'],
      ['with a refId', { kind: 'direct' as const, userId: 'officer', refId: 'meeting-1' }, 'refId'],
      ['with a name', { kind: 'direct' as const, userId: 'officer', name: 'Private' }, 'name'],
    ])('refuses one %s (400 naming the field) and makes nothing', async (_what, input, field) => {
      expect(await refusalOf(service.create(worker, input))).toMatchObject({ status: 400, fields: [field] });
      expect(tables.channels.size).toBe(0);
      expect(tables.emitted).toEqual([]);
    });

    it('passes on a failure to read the other user rather than calling it unknown', async () => {
      tables.failWith = new ServiceUnavailableException('The database is unreachable');
      expect((await refusalOf(service.create(worker, { kind: 'direct', userId: 'officer' }))).status).toBe(503);
    });
  });

  describe('meeting channels', () => {
    it('are opened by hand only by coordinators and admins: others get the meeting\'s own channel, or 404 as for an unknown id', async () => {
      for (const who of [officer, worker]) {
        expect((await refusalOf(service.create(who, { kind: 'meeting', refId: 'meeting-1' }))).status).toBe(404);
      }
      expect(tables.upserts).toBe(0);

      await service.ensureMeetingChannel({ meetingId: 'meeting-1', title: 'Samråd', organisationIds: ['org-police', 'org-service'] });
      const upserts = tables.upserts;
      const taking = await service.create(officer, { kind: 'meeting', refId: 'meeting-1', name: 'Renamed' });
      expect(taking).toMatchObject({ created: false, channel: { id: 'meeting-meeting-1' } });
      expect(tables.upserts).toBe(upserts);

      tables.hidden.add('meeting-meeting-1');
      expect((await refusalOf(service.create(worker, { kind: 'meeting', refId: 'meeting-1' }))).status).toBe(404);
    });

    it('refuse a userId, which is only for direct channels', async () => {
      expect(await refusalOf(service.create(coordinator, { kind: 'meeting', refId: 'meeting-1', userId: 'officer' }))).toMatchObject({
        status: 400,
        fields: ['userId'],
      });
    });

    it('opened by a coordinator keep the audience the meeting gave them, and exist once', async () => {
      await service.ensureMeetingChannel({ meetingId: 'meeting-1', title: 'Samråd', organisationIds: ['org-police', 'org-service'] });
      const { channel, created } = await service.create(coordinator, { kind: 'meeting', refId: 'meeting-1', name: 'Other name' });
      expect(created).toBe(false);
      expect(channel.id).toBe('meeting-meeting-1');
      expect(tables.channels.get('meeting-meeting-1')!.organisation_ids).toEqual(['org-police', 'org-service']);

      const fresh = await service.create(coordinator, { kind: 'meeting', refId: 'meeting-2' });
      expect(fresh.created).toBe(true);
    });

    it('refuse an unknown organisation (400 organisationIds) before anything is written', async () => {
      const refusal = await refusalOf(
        service.ensureMeetingChannel({ meetingId: 'meeting-1', title: 'Samråd', organisationIds: ['org-police', 'org-police', 'org-missing'] }),
      );
      expect(refusal).toMatchObject({ status: 400, fields: ['organisationIds'] });
      expect(refusal.message).toContain('org-missing');
      expect(tables.upserts).toBe(0);
      expect(tables.emitted).toEqual([]);
    });

    it('announce each change with the channel as it was, so sockets of organisations taken off can leave', async () => {
      await service.ensureMeetingChannel({ meetingId: 'meeting-1', title: 'Samråd', organisationIds: ['org-police', 'org-service'] });
      await service.ensureMeetingChannel({ meetingId: 'meeting-1', title: null, organisationIds: ['org-police'] });
      expect(tables.transactions).toBe(2);
      expect(tables.emitted).toHaveLength(2);
      expect(tables.emitted[0].previous).toBeNull();
      expect(tables.emitted[1].previous!.organisation_ids).toEqual(['org-police', 'org-service']);
      expect(tables.emitted[1].channel).toMatchObject({ name: 'Samråd', organisation_ids: ['org-police'] });
    });

    it("inside a meeting's transaction are announced only once the caller publishes them", async () => {
      const change = await service.syncMeetingChannel(transactionManager, { meetingId: 'meeting-1', title: 'Samråd', organisationIds: ['org-police'] });
      expect(tables.transactions).toBe(0);
      expect(tables.emitted).toEqual([]);
      service.publish([change]);
      expect(tables.emitted).toHaveLength(1);
    });
  });

  describe("a site's or zone's channel follows it, in the caller's transaction", () => {
    const zone = { name: 'Zon A', organisationId: 'org-service' };

    it('is made with the zone, for the organisation that owns it, and announced only when published', async () => {
      const changes = await service.syncOwned(transactionManager, 'zone', 'zone-1', zone);
      expect(tables.channels.get('zone-zone-1')).toMatchObject({ kind: 'zone', name: 'Zon A', organisation_id: 'org-service' });
      expect(changes).toHaveLength(1);
      expect(tables.emitted).toEqual([]);
      service.publish(changes);
      expect(tables.emitted).toEqual([{ ...changes[0], namesFor: undefined }]);
    });

    it('answers no change when its name and owner stay as they were', async () => {
      await service.syncOwned(transactionManager, 'zone', 'zone-1', zone);
      expect(await service.syncOwned(transactionManager, 'zone', 'zone-1', zone)).toEqual([]);
      const renamed = await service.syncOwned(transactionManager, 'zone', 'zone-1', { ...zone, name: 'Zon B' });
      expect(renamed).toHaveLength(1);
      expect(renamed[0].previous!.name).toBe('Zon A');
      expect(tables.transactions).toBe(0);
    });

    it('is archived once when its site is deleted', async () => {
      await service.syncOwned(transactionManager, 'site', 'site-1', { name: 'Plats A', organisationId: 'org-service' });
      const archived = await service.syncOwned(transactionManager, 'site', 'site-1', null);
      expect(await service.syncOwned(transactionManager, 'site', 'site-1', null)).toEqual([]);
      expect(tables.channels.get('site-site-1')!.archived).toBe(true);
      expect(archived).toHaveLength(1);
      expect(archived[0].channel.archived).toBe(true);
    });

    it("passes a failure on, so the site's or zone's own change is rolled back with it", async () => {
      tables.failWith = new Error('connection lost');
      await expect(service.syncOwned(transactionManager, 'zone', 'zone-1', zone)).rejects.toThrow('connection lost');
      expect(tables.emitted).toEqual([]);
    });
  });
});
