import type { AuthUser } from '../auth/auth-user';
import { ROOMS, roomsOf } from '../realtime/rooms';
import { channelAudience, viewerParams } from './channel-access';

const user = (overrides: Partial<AuthUser>): AuthUser => ({
  id: 'u1',
  email: 'u1@example.org',
  displayName: 'U1',
  role: 'service',
  canSign: false,
  organisationId: 'o1',
  organisationKind: 'service',
  disabled: false,
  mfaEnabled: false,
  mfaRequired: false,
  sessionId: 's1',
  ...overrides,
});

describe('channel access', () => {
  it('puts each connection in the rooms that decide what it may see', () => {
    expect(roomsOf(user({}))).toEqual(['user:u1', 'session:s1', 'org:o1']);
    expect(roomsOf(user({ role: 'police', organisationKind: 'police' }))).toEqual([
      'user:u1',
      'session:s1',
      'org:o1',
      ROOMS.police,
    ]);
    expect(roomsOf(user({ role: 'coordinator', organisationKind: 'coordination' }))).toEqual([
      'user:u1',
      'session:s1',
      'org:o1',
      ROOMS.seesAll,
    ]);
    expect(roomsOf(user({ role: 'admin', organisationKind: 'police' }))).toEqual([
      'user:u1',
      'session:s1',
      'org:o1',
      ROOMS.police,
      ROOMS.seesAll,
    ]);
  });

  it('sends a channel’s alerts and updates to exactly its audience', () => {
    const none = { organisationId: null, directUserIds: null, organisationIds: [] };
    expect(channelAudience({ ...none, kind: 'joint' })).toBe('everyone');
    expect(channelAudience({ ...none, kind: 'site', organisationId: 'o1' })).toEqual([
      'org:o1',
      ROOMS.police,
      ROOMS.seesAll,
    ]);
    expect(channelAudience({ ...none, kind: 'zone', organisationId: 'o2' })).toEqual([
      'org:o2',
      ROOMS.police,
      ROOMS.seesAll,
    ]);
    expect(channelAudience({ ...none, kind: 'meeting', organisationIds: ['o1', 'o3'] })).toEqual([
      'org:o1',
      'org:o3',
      ROOMS.seesAll,
    ]);
    expect(channelAudience({ ...none, kind: 'meeting' })).toEqual([ROOMS.seesAll]);
    expect(channelAudience({ ...none, kind: 'direct', directUserIds: ['u1', 'u2'] })).toEqual([
      'user:u1',
      'user:u2',
    ]);
  });

  it('passes the viewer to the SQL rule as user, organisation, sees-all and police', () => {
    expect(viewerParams(user({}))).toEqual(['u1', 'o1', false, false]);
    expect(viewerParams(user({ role: 'police', organisationKind: 'police' }))).toEqual([
      'u1',
      'o1',
      false,
      true,
    ]);
    expect(viewerParams(user({ role: 'coordinator', organisationKind: 'coordination' }))).toEqual([
      'u1',
      'o1',
      true,
      false,
    ]);
  });
});
