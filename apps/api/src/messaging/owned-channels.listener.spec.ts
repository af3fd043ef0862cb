import type { EntityManager } from 'typeorm';
import type { SiteChangedEvent, ZoneChangedEvent } from '../common/domain-events';
import { strictFake } from '../common/spec-helpers';
import type { Transaction, UnitOfWork } from '../database/transaction-events';
import type { OwnedChannelChange } from './channels.repository';
import type { ChannelsService, MeetingChannelInput, OwnedChannelFacts } from './channels.service';
import { MESSAGING_EVENTS } from './messaging.events';
import { OwnedChannelsListener } from './owned-channels.listener';

const manager = strictFake<EntityManager>('manager', {});

function setUp() {
  const synced: unknown[][] = [];
  const raised: { event: string; channelId: string }[] = [];
  const change = (id: string) => ({ channel: { id }, previous: null }) as unknown as OwnedChannelChange;
  const channels = strictFake<ChannelsService>('ChannelsService', {
    syncOwned: async (given: EntityManager, kind: string, refId: string, current: OwnedChannelFacts | null) => {
      expect(given).toBe(manager);
      synced.push([kind, refId, current]);
      return [change(`${kind}-${refId}`)];
    },
    syncMeetingChannel: async (given: EntityManager, input: MeetingChannelInput) => {
      expect(given).toBe(manager);
      synced.push(['meeting', input.meetingId, input.organisationIds]);
      return change(`meeting-${input.meetingId}`);
    },
  });
  const transaction: Transaction = {
    manager,
    raise: async (event, payload) => {
      raised.push({ event, channelId: (payload as OwnedChannelChange).channel.id });
      return [];
    },
  };
  const listener = new OwnedChannelsListener(strictFake<UnitOfWork>('UnitOfWork', {}), channels);
  return { listener, transaction, synced, raised };
}

describe('OwnedChannelsListener', () => {
  it("keeps a site's channel with the site in its transaction, archives it when the site is deleted, and raises the change for after the commit", async () => {
    const { listener, transaction, synced, raised } = setUp();
    const site = { properties: { id: 's1', name: 'Plats', organisationId: 'org-service' } };
    await listener.onSite({ change: 'created', site, actorId: 'u1' } as unknown as SiteChangedEvent, transaction);
    await listener.onSite({ change: 'deleted', site, actorId: 'u1' } as unknown as SiteChangedEvent, transaction);
    expect(synced).toEqual([
      ['site', 's1', { name: 'Plats', organisationId: 'org-service' }],
      ['site', 's1', null],
    ]);
    expect(raised).toEqual([
      { event: MESSAGING_EVENTS.channelChanged, channelId: 'site-s1' },
      { event: MESSAGING_EVENTS.channelChanged, channelId: 'site-s1' },
    ]);
  });

  it("gives a zone's channel to the organisation that owns the zone's site", async () => {
    const { listener, transaction, synced } = setUp();
    const zone = { properties: { id: 'z1', name: 'Zon' } };
    await listener.onZone({ change: 'updated', zone, organisationId: 'org-service', actorId: 'u1' } as unknown as ZoneChangedEvent, transaction);
    expect(synced).toEqual([['zone', 'z1', { name: 'Zon', organisationId: 'org-service' }]]);
  });

  it("answers a meeting's channel id, for the meeting to remember", async () => {
    const { listener, transaction, raised } = setUp();
    const reply = await listener.onMeeting({ meetingId: 'm1', title: 'Samråd', organisationIds: ['org-police'] }, transaction);
    expect(reply).toEqual({ channelId: 'meeting-m1' });
    expect(raised).toEqual([{ event: MESSAGING_EVENTS.channelChanged, channelId: 'meeting-m1' }]);
  });
});
