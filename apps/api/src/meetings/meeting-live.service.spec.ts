import { Logger, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canSeeMeeting, type MeetingView, type Role, type User } from '@samverkan/contracts';
import type { AuthUser } from '../auth/auth-user';
import { refusalOf, strictFake } from '../common/spec-helpers';
import type { MeetingEntity } from './entities/meeting.entity';
import { MeetingLiveService } from './meeting-live.service';
import type { MeetingsPublisher } from './meetings.publisher';
import type { PeopleService } from '../people/people.service';
import type { MeetingsRepository } from './meetings.repository';
import type { KnownMeeting, MeetingsService } from './meetings.service';

// Who presents a running meeting and moves its shared map, against an in-memory meeting. The statements that
// store a view or an item only for the presenter (setView, setCurrentItem) are SQL, covered end to end; the fake
// answers as they do.

const POLICE = 'org-police';
const SERVICE = 'org-service';
const OUTSIDE = 'org-outside';

const person = (id: string, role: Role, organisationId: string, canSign = false): AuthUser =>
  ({ id, role, organisationId, canSign, displayName: id, disabled: false }) as AuthUser;

const coordinator = person('coordinator', 'coordinator', 'org-coordination');
const policeSignatory = person('police-signatory', 'police', POLICE, true);
const serviceSignatory = person('service-signatory', 'service', SERVICE, true);
const officer = person('officer', 'police', POLICE);
const outsider = person('outsider', 'service', OUTSIDE, true);

/** One meeting of the police and one service organisation, its agenda, the people and who is in its room. */
class LiveMeeting {
  presenterId: string | null = null;
  view: MeetingView | null = null;
  currentItemId: string | null = null;
  readonly organisationIds = [POLICE, SERVICE];
  readonly agenda = new Set(['item-1']);
  readonly people = new Map<string, User>();
  readonly inRoom = new Set<string>();
  /** Set to make the room lookup fail (another instance did not answer). */
  roomLookupFails = false;
  /** Runs after the service has read the meeting and before it locks it: someone else's change in between. */
  beforeLock: (() => void) | null = null;
  readonly published: { presenter?: string | null; item?: string | null }[] = [];
  writes = 0;
  roomLookups = 0;

  constructor() {
    for (const user of [coordinator, policeSignatory, serviceSignatory, officer, outsider]) this.people.set(user.id, { ...user });
  }

  private row(): MeetingEntity {
    return { id: 'meeting-1', presenterId: this.presenterId, view: this.view, currentItemId: this.currentItemId } as MeetingEntity;
  }

  service(): MeetingLiveService {
    const manager = strictFake<EntityManager>('manager', {});
    const meetings = strictFake<MeetingsService>('meetings', {
      requireVisible: async (user: AuthUser, id: string): Promise<KnownMeeting> => {
        if (id !== 'meeting-1' || !canSeeMeeting(user, this.organisationIds)) throw new NotFoundException(`No meeting with id ${id}`);
        return { ...this.row(), organisationIds: [...this.organisationIds] } as KnownMeeting;
      },
    });
    const repository = strictFake<MeetingsRepository>('repository', {
      manager,
      transaction: async <T>(work: (manager: EntityManager) => Promise<T>) => work(manager),
      findMeeting: async (_manager: EntityManager, id: string, options: { lock?: boolean } = {}) => {
        if (options.lock) this.beforeLock?.();
        return id === 'meeting-1' ? this.row() : null;
      },
      setPresenter: async (_manager: EntityManager, _id: string, presenterId: string | null) => {
        this.writes += 1;
        this.presenterId = presenterId;
      },
      setView: async (_id: string, presenterId: string, view: MeetingView) => {
        if (this.presenterId !== presenterId) return false;
        this.view = view;
        return true;
      },
      setCurrentItem: async (_id: string, presenterId: string, itemId: string | null) => {
        if (this.presenterId !== presenterId || (itemId !== null && !this.agenda.has(itemId))) return false;
        this.currentItemId = itemId;
        return true;
      },
    });
    const publisher = strictFake<MeetingsPublisher>('publisher', {
      presenter: (_id: string, presenterId: string | null) => this.published.push({ presenter: presenterId }),
      item: (_id: string, itemId: string | null) => this.published.push({ item: itemId }),
      inRoom: async (_id: string, userId: string) => {
        this.roomLookups += 1;
        if (this.roomLookupFails) throw new Error('timed out');
        return this.inRoom.has(userId);
      },
    });
    // Who may be made presenter is asked of the people service, which owns the users table.
    const people = strictFake<PeopleService>('people', {
      usersByIds: async (ids: string[]) => ids.flatMap((id) => (this.people.has(id) ? [this.people.get(id)!] : [])),
    });
    return new MeetingLiveService(meetings, repository, publisher, people);
  }
}

describe('MeetingLiveService', () => {
  let meeting: LiveMeeting;
  let live: MeetingLiveService;

  beforeEach(() => {
    meeting = new LiveMeeting();
    live = meeting.service();
  });

  const present = (user: AuthUser, userId?: string | null) => live.present(user, { meetingId: 'meeting-1', ...(userId === undefined ? {} : { userId }) });

  describe('taking the presenter role', () => {
    it('a signatory of a participating organisation takes it when nobody presents; the room hears of it', async () => {
      expect(await present(serviceSignatory)).toBe('service-signatory');
      expect(meeting.presenterId).toBe('service-signatory');
      expect(meeting.published).toEqual([{ presenter: 'service-signatory' }]);
    });

    it('a participant who is not a signatory may not (403), and nothing changes', async () => {
      expect((await refusalOf(present(officer))).status).toBe(403);
      expect(meeting.writes).toBe(0);
      expect(meeting.published).toEqual([]);
    });

    it('someone whose organisation does not take part gets 404, as for no meeting', async () => {
      expect((await refusalOf(present(outsider))).status).toBe(404);
      expect(meeting.writes).toBe(0);
    });

    it('a signatory may not take it from a presenter who is still in the meeting (403)', async () => {
      meeting.presenterId = 'police-signatory';
      meeting.inRoom.add('police-signatory');
      expect((await refusalOf(present(serviceSignatory))).status).toBe(403);
      expect(meeting.presenterId).toBe('police-signatory');
    });

    it('a signatory takes it from a presenter who left without handing over', async () => {
      meeting.presenterId = 'police-signatory';
      expect(await present(serviceSignatory)).toBe('service-signatory');
      expect(meeting.published).toEqual([{ presenter: 'service-signatory' }]);
    });

    it('counts the presenter as present when their connection cannot be checked', async () => {
      const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        meeting.presenterId = 'police-signatory';
        meeting.roomLookupFails = true;
        expect((await refusalOf(present(serviceSignatory))).status).toBe(403);
        expect(warned).toHaveBeenCalledTimes(1);
        expect(meeting.presenterId).toBe('police-signatory');
      } finally {
        warned.mockRestore();
      }
    });

    it('a coordinator takes it at any time, without asking who is connected', async () => {
      meeting.presenterId = 'police-signatory';
      meeting.inRoom.add('police-signatory');
      expect(await present(coordinator)).toBe('coordinator');
      expect(meeting.presenterId).toBe('coordinator');
      expect(meeting.roomLookups).toBe(0);
    });

    it('refuses a signatory when someone took the role between reading and locking the meeting', async () => {
      meeting.beforeLock = () => {
        meeting.presenterId = 'coordinator';
      };
      expect((await refusalOf(present(serviceSignatory))).status).toBe(403);
      expect(meeting.presenterId).toBe('coordinator');
      expect(meeting.published).toEqual([]);
    });

    it('writes and announces nothing when the presenter takes the role again', async () => {
      meeting.presenterId = 'service-signatory';
      expect(await present(serviceSignatory)).toBe('service-signatory');
      expect(meeting.writes).toBe(0);
      expect(meeting.published).toEqual([]);
    });
  });

  describe('handing over and ending', () => {
    beforeEach(() => {
      meeting.presenterId = 'service-signatory';
    });

    it('the presenter hands the role to anyone taking part, signatory or not', async () => {
      expect(await present(serviceSignatory, 'officer')).toBe('officer');
      expect(meeting.published).toEqual([{ presenter: 'officer' }]);
    });

    it.each([
      ['someone whose organisation does not take part', 'outsider'],
      ['a disabled user', 'disabled'],
      ['no user', 'nobody'],
    ])('refuses to hand it to %s (400 userId)', async (_who, target) => {
      meeting.people.set('disabled', { ...person('disabled', 'police', POLICE), disabled: true });
      expect(await refusalOf(present(serviceSignatory, target))).toMatchObject({ status: 400, fields: ['userId'] });
      expect(meeting.presenterId).toBe('service-signatory');
    });

    it('only the presenter or a coordinator hands it over or ends it', async () => {
      expect((await refusalOf(present(policeSignatory, 'officer'))).status).toBe(403);
      expect((await refusalOf(present(policeSignatory, null))).status).toBe(403);
      expect(await present(coordinator, null)).toBeNull();
      expect(meeting.presenterId).toBeNull();
      expect(meeting.published).toEqual([{ presenter: null }]);
    });
  });

  describe('the shared map', () => {
    const view = { meetingId: 'meeting-1', center: { lat: 55.605, lng: 13.003 }, zoom: 15 };

    it("stores the presenter's view and answers it to pass on", async () => {
      meeting.presenterId = 'police-signatory';
      expect(await live.setView(policeSignatory, view)).toEqual({ center: { lat: 55.605, lng: 13.003 }, zoom: 15 });
      expect(meeting.view).toEqual({ center: { lat: 55.605, lng: 13.003 }, zoom: 15 });
    });

    it("refuses anyone else's view: 403 to a participant, 404 to someone who cannot see the meeting", async () => {
      meeting.presenterId = 'police-signatory';
      expect((await refusalOf(live.setView(coordinator, view))).status).toBe(403);
      expect((await refusalOf(live.setView(outsider, view))).status).toBe(404);
      expect(meeting.view).toBeNull();
    });

    it('moves to an agenda item of the meeting, or to none, and tells the room', async () => {
      meeting.presenterId = 'police-signatory';
      await live.setItem(policeSignatory, { meetingId: 'meeting-1', itemId: 'item-1' });
      await live.setItem(policeSignatory, { meetingId: 'meeting-1', itemId: null });
      expect(meeting.published).toEqual([{ item: 'item-1' }, { item: null }]);
    });

    it('refuses an item from elsewhere to the presenter (400 itemId) and any item to others (403)', async () => {
      meeting.presenterId = 'police-signatory';
      expect(await refusalOf(live.setItem(policeSignatory, { meetingId: 'meeting-1', itemId: 'item-of-another-meeting' }))).toMatchObject({
        status: 400,
        fields: ['itemId'],
      });
      expect((await refusalOf(live.setItem(serviceSignatory, { meetingId: 'meeting-1', itemId: 'item-1' }))).status).toBe(403);
      expect(meeting.currentItemId).toBeNull();
      expect(meeting.published).toEqual([]);
    });
  });
});
