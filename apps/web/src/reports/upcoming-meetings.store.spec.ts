import { createMeetingsApi } from '../meetings/meetings-api';
import { apiErrorOf, fakeApiFetch, type ExpectedCall } from './fake-api-fetch';
import { meetingAt } from './fake-meetings';
import { UpcomingMeetingsStore } from './upcoming-meetings.store';

const NOW = new Date('2026-12-02T12:00:00Z');
const LIST = `/api/meetings?from=${encodeURIComponent('2026-12-01T12:00:00.000Z')}`;

function setup(expected: ExpectedCall[]) {
  const fake = fakeApiFetch(expected);
  return { store: new UpcomingMeetingsStore(createMeetingsApi(fake.apiFetch), () => NOW), ...fake };
}

describe('UpcomingMeetingsStore', () => {
  it('loads the meetings from a day ago on, soonest first, once for the list', async () => {
    const { store, remaining } = setup([
      {
        path: LIST,
        answer: [meetingAt('later', '2026-12-09T08:00:00Z'), meetingAt('soon', '2026-12-03T08:00:00Z')],
      },
    ]);
    expect(store.value.status).toBe('loading');
    await store.load();
    expect(store.value.status).toBe('ready');
    expect(store.value.meetings.map((meeting) => meeting.id)).toEqual(['soon', 'later']);
    expect(remaining()).toBe(0);
  });

  it('puts a report on an agenda and keeps the new item in that meeting', async () => {
    const item = {
      ...meetingAt('x', '2026-12-03T08:00:00Z', [{ reportId: 'r1', title: 'Fältrapport: Annat' }]).agenda[0],
    };
    const { store } = setup([
      {
        path: LIST,
        answer: [meetingAt('soon', '2026-12-03T08:00:00Z'), meetingAt('later', '2026-12-09T08:00:00Z')],
      },
      {
        method: 'POST',
        path: '/api/meetings/later/agenda',
        body: { title: 'Fältrapport: Annat', reportId: 'r1' },
        answer: item,
      },
    ]);
    await store.load();
    expect(await store.addToAgenda('later', { title: 'Fältrapport: Annat', reportId: 'r1' })).toEqual(item);
    const [soon, later] = store.value.meetings;
    expect(soon.agenda).toEqual([]);
    expect(later.agenda).toEqual([item]);
  });

  it('leaves the agendas as they were when the api refuses, and says why', async () => {
    const { store } = setup([
      { path: LIST, answer: [meetingAt('soon', '2026-12-03T08:00:00Z')] },
      {
        method: 'POST',
        path: '/api/meetings/soon/agenda',
        answer: apiErrorOf(400, 'reportId names no report you can see'),
      },
    ]);
    await store.load();
    await expect(store.addToAgenda('soon', { title: 'T', reportId: 'r1' })).rejects.toMatchObject({
      status: 400,
      message: 'reportId names no report you can see',
    });
    expect(store.value.meetings[0].agenda).toEqual([]);
  });

  it('offers nothing when the meetings cannot be loaded', async () => {
    const { store } = setup([{ path: LIST, answer: apiErrorOf(0) }]);
    await store.load();
    expect(store.value).toEqual({ status: 'error', meetings: [] });
  });
});
